# Generated from forms/report_window.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QMainWindow, QProgressBar, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSpinBox, QToolButton,
    QVBoxLayout, QWidget)

from parapp.ui.pdf_pages import PageView

class Ui_ReportWindow(object):
    def setupUi(self, ReportWindow):
        if not ReportWindow.objectName():
            ReportWindow.setObjectName(u"ReportWindow")
        ReportWindow.resize(1180, 860)
        self.centralwidget = QWidget(ReportWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.documentBar = QHBoxLayout()
        self.documentBar.setObjectName(u"documentBar")
        self.kindLabel = QLabel(self.centralwidget)
        self.kindLabel.setObjectName(u"kindLabel")

        self.documentBar.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(self.centralwidget)
        self.kindCombo.setObjectName(u"kindCombo")

        self.documentBar.addWidget(self.kindCombo)

        self.kindGap = QSpacerItem(8, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.documentBar.addItem(self.kindGap)

        self.scopeLabel = QLabel(self.centralwidget)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.documentBar.addWidget(self.scopeLabel)

        self.scopeCombo = QComboBox(self.centralwidget)
        self.scopeCombo.setObjectName(u"scopeCombo")
        self.scopeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scopeCombo.setMinimumContentsLength(28)

        self.documentBar.addWidget(self.scopeCombo)

        self.refreshButton = QPushButton(self.centralwidget)
        self.refreshButton.setObjectName(u"refreshButton")

        self.documentBar.addWidget(self.refreshButton)

        self.actionsGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.documentBar.addItem(self.actionsGap)

        self.printButton = QPushButton(self.centralwidget)
        self.printButton.setObjectName(u"printButton")

        self.documentBar.addWidget(self.printButton)

        self.saveButton = QPushButton(self.centralwidget)
        self.saveButton.setObjectName(u"saveButton")

        self.documentBar.addWidget(self.saveButton)

        self.wordButton = QPushButton(self.centralwidget)
        self.wordButton.setObjectName(u"wordButton")

        self.documentBar.addWidget(self.wordButton)

        self.signButton = QPushButton(self.centralwidget)
        self.signButton.setObjectName(u"signButton")

        self.documentBar.addWidget(self.signButton)

        self.documentBar.setStretch(4, 1)

        self.centralLayout.addLayout(self.documentBar)

        self.pageBar = QHBoxLayout()
        self.pageBar.setObjectName(u"pageBar")
        self.pageLabel = QLabel(self.centralwidget)
        self.pageLabel.setObjectName(u"pageLabel")

        self.pageBar.addWidget(self.pageLabel)

        self.prevButton = QToolButton(self.centralwidget)
        self.prevButton.setObjectName(u"prevButton")
        self.prevButton.setText(u"\u25c0")

        self.pageBar.addWidget(self.prevButton)

        self.pageSpin = QSpinBox(self.centralwidget)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setKeyboardTracking(False)
        self.pageSpin.setMaximum(0)

        self.pageBar.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(self.centralwidget)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.pageBar.addWidget(self.pageCountLabel)

        self.nextButton = QToolButton(self.centralwidget)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setText(u"\u25b6")

        self.pageBar.addWidget(self.nextButton)

        self.zoomGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.pageBar.addItem(self.zoomGap)

        self.zoomLabel = QLabel(self.centralwidget)
        self.zoomLabel.setObjectName(u"zoomLabel")

        self.pageBar.addWidget(self.zoomLabel)

        self.zoomOutButton = QToolButton(self.centralwidget)
        self.zoomOutButton.setObjectName(u"zoomOutButton")
        self.zoomOutButton.setText(u"\u2212")

        self.pageBar.addWidget(self.zoomOutButton)

        self.zoomCombo = QComboBox(self.centralwidget)
        self.zoomCombo.setObjectName(u"zoomCombo")

        self.pageBar.addWidget(self.zoomCombo)

        self.zoomInButton = QToolButton(self.centralwidget)
        self.zoomInButton.setObjectName(u"zoomInButton")
        self.zoomInButton.setText(u"+")

        self.pageBar.addWidget(self.zoomInButton)

        self.statusGap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pageBar.addItem(self.statusGap)

        self.staleLabel = QLabel(self.centralwidget)
        self.staleLabel.setObjectName(u"staleLabel")
        self.staleLabel.setVisible(False)

        self.pageBar.addWidget(self.staleLabel)

        self.status = QLabel(self.centralwidget)
        self.status.setObjectName(u"status")

        self.pageBar.addWidget(self.status)

        self.busyBar = QProgressBar(self.centralwidget)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximumSize(QSize(140, 16777215))
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.pageBar.addWidget(self.busyBar)

        self.cancelButton = QPushButton(self.centralwidget)
        self.cancelButton.setObjectName(u"cancelButton")

        self.pageBar.addWidget(self.cancelButton)

        self.pageBar.setStretch(10, 1)

        self.centralLayout.addLayout(self.pageBar)

        self.banner = QLabel(self.centralwidget)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.centralLayout.addWidget(self.banner)

        self.scroll = QScrollArea(self.centralwidget)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.pages = PageView()
        self.pages.setObjectName(u"pages")
        self.pages.setGeometry(QRect(0, 0, 0, 0))
        self.scroll.setWidget(self.pages)

        self.centralLayout.addWidget(self.scroll)

        self.centralLayout.setStretch(3, 1)
        ReportWindow.setCentralWidget(self.centralwidget)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.scopeLabel.setBuddy(self.scopeCombo)
        self.pageLabel.setBuddy(self.pageSpin)
        self.zoomLabel.setBuddy(self.zoomCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.scopeCombo)
        QWidget.setTabOrder(self.scopeCombo, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.wordButton)
        QWidget.setTabOrder(self.wordButton, self.signButton)
        QWidget.setTabOrder(self.signButton, self.prevButton)
        QWidget.setTabOrder(self.prevButton, self.pageSpin)
        QWidget.setTabOrder(self.pageSpin, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.zoomOutButton)
        QWidget.setTabOrder(self.zoomOutButton, self.zoomCombo)
        QWidget.setTabOrder(self.zoomCombo, self.zoomInButton)
        QWidget.setTabOrder(self.zoomInButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.scroll)

        self.retranslateUi(ReportWindow)

        QMetaObject.connectSlotsByName(ReportWindow)
    # setupUi

    def retranslateUi(self, ReportWindow):
        self.kindLabel.setText(QCoreApplication.translate("ReportWindow", u"&V\u0103n b\u1ea3n:", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("ReportWindow", u"T\u1ea1o l\u1ea1i v\u0103n b\u1ea3n t\u1eeb d\u1eef li\u1ec7u hi\u1ec7n t\u1ea1i c\u1ee7a t\u1ec7p (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("ReportWindow", u"L\u00e0m &m\u1edbi", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("ReportWindow", u"In v\u0103n b\u1ea3n ra m\u00e1y in (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("ReportWindow", u"&In\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ReportWindow", u"L\u01b0u b\u1ea3n PDF c\u1ee7a v\u0103n b\u1ea3n \u0111ang xem (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("ReportWindow", u"&L\u01b0u PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.wordButton.setToolTip(QCoreApplication.translate("ReportWindow", u"L\u01b0u b\u1ea3n Word (.docx) c\u1ee7a v\u0103n b\u1ea3n \u0111ang xem \u0111\u1ec3 s\u1eeda c\u00e2u ch\u1eef tr\u01b0\u1edbc khi tr\u00ecnh k\u00fd; b\u1ea3n k\u00fd s\u1ed1 v\u1eabn l\u00e0 PDF", None))
#endif // QT_CONFIG(tooltip)
        self.wordButton.setText(QCoreApplication.translate("ReportWindow", u"L\u01b0u b\u1ea3n &Word\u2026", None))
#if QT_CONFIG(tooltip)
        self.signButton.setToolTip(QCoreApplication.translate("ReportWindow", u"K\u00fd s\u1ed1 v\u0103n b\u1ea3n b\u1eb1ng t\u1ec7p kh\u00f3a PKCS#12 ho\u1eb7c thi\u1ebft b\u1ecb k\u00fd s\u1ed1 USB", None))
#endif // QT_CONFIG(tooltip)
        self.signButton.setText(QCoreApplication.translate("ReportWindow", u"&K\u00fd s\u1ed1\u2026", None))
        self.pageLabel.setText(QCoreApplication.translate("ReportWindow", u"Trang:", None))
#if QT_CONFIG(accessibility)
        self.prevButton.setAccessibleName(QCoreApplication.translate("ReportWindow", u"Trang tr\u01b0\u1edbc", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("ReportWindow", u"Trang tr\u01b0\u1edbc (Page Up)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(QCoreApplication.translate("ReportWindow", u"Trang sau", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("ReportWindow", u"Trang sau (Page Down)", None))
#endif // QT_CONFIG(tooltip)
        self.zoomLabel.setText(QCoreApplication.translate("ReportWindow", u"Thu ph\u00f3ng:", None))
#if QT_CONFIG(accessibility)
        self.zoomOutButton.setAccessibleName(QCoreApplication.translate("ReportWindow", u"Thu nh\u1ecf", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("ReportWindow", u"Thu nh\u1ecf (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoomInButton.setAccessibleName(QCoreApplication.translate("ReportWindow", u"Ph\u00f3ng to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("ReportWindow", u"Ph\u00f3ng to (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.staleLabel.setToolTip(QCoreApplication.translate("ReportWindow", u"\u0110i\u1ec3m ho\u1eb7c thi\u1ebft l\u1eadp \u0111\u00e3 \u0111\u01b0\u1ee3c s\u1eeda sau khi v\u0103n b\u1ea3n n\u00e0y \u0111\u01b0\u1ee3c t\u1ea1o", None))
#endif // QT_CONFIG(tooltip)
        self.staleLabel.setText(QCoreApplication.translate("ReportWindow", u"D\u1eef li\u1ec7u \u0111\u00e3 thay \u0111\u1ed5i \u2014 b\u1ea5m L\u00e0m m\u1edbi (F5)", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("ReportWindow", u"B\u1ecf v\u0103n b\u1ea3n \u0111ang t\u1ea1o", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("ReportWindow", u"H\u1ee7y", None))
        pass
    # retranslateUi

