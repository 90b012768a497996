# Generated from forms/progress_window.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ProgressWindow(object):
    def setupUi(self, ProgressWindow):
        if not ProgressWindow.objectName():
            ProgressWindow.setObjectName(u"ProgressWindow")
        ProgressWindow.resize(1100, 640)
        self.dialogLayout = QVBoxLayout(ProgressWindow)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.phaseLabel = QLabel(ProgressWindow)
        self.phaseLabel.setObjectName(u"phaseLabel")
        self.phaseLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.phaseLabel)

        self.remainingLabel = QLabel(ProgressWindow)
        self.remainingLabel.setObjectName(u"remainingLabel")
        self.remainingLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.remainingLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.remainingLabel)

        self.filterEdit = QLineEdit(ProgressWindow)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.filterEdit)

        self.tabs = QTabWidget(ProgressWindow)
        self.tabs.setObjectName(u"tabs")
        self.unitsTab = QWidget()
        self.unitsTab.setObjectName(u"unitsTab")
        self.unitsLayout = QVBoxLayout(self.unitsTab)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitsTable = QTableWidget(self.unitsTab)
        self.unitsTable.setObjectName(u"unitsTable")
        self.unitsTable.setTabKeyNavigation(False)
        self.unitsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitsTable.setSortingEnabled(True)

        self.unitsLayout.addWidget(self.unitsTable)

        self.tabs.addTab(self.unitsTab, "")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersLayout = QVBoxLayout(self.membersTab)
        self.membersLayout.setObjectName(u"membersLayout")
        self.membersTable = QTableWidget(self.membersTab)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setTabKeyNavigation(False)
        self.membersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.membersTable.setSortingEnabled(True)

        self.membersLayout.addWidget(self.membersTable)

        self.tabs.addTab(self.membersTab, "")
        self.roundsTab = QWidget()
        self.roundsTab.setObjectName(u"roundsTab")
        self.roundsLayout = QVBoxLayout(self.roundsTab)
        self.roundsLayout.setObjectName(u"roundsLayout")
        self.roundsTable = QTableWidget(self.roundsTab)
        self.roundsTable.setObjectName(u"roundsTable")
        self.roundsTable.setTabKeyNavigation(False)
        self.roundsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roundsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roundsTable.setSortingEnabled(True)
        self.roundsTable.setWordWrap(True)

        self.roundsLayout.addWidget(self.roundsTable)

        self.tabs.addTab(self.roundsTab, "")
        self.expectedTab = QWidget()
        self.expectedTab.setObjectName(u"expectedTab")
        self.expectedLayout = QVBoxLayout(self.expectedTab)
        self.expectedLayout.setObjectName(u"expectedLayout")
        self.expectedLabel = QLabel(self.expectedTab)
        self.expectedLabel.setObjectName(u"expectedLabel")
        self.expectedLabel.setWordWrap(True)

        self.expectedLayout.addWidget(self.expectedLabel)

        self.expectedSplitter = QSplitter(self.expectedTab)
        self.expectedSplitter.setObjectName(u"expectedSplitter")
        self.expectedSplitter.setOrientation(Qt.Orientation.Vertical)
        self.expectedTable = QTableWidget(self.expectedSplitter)
        self.expectedTable.setObjectName(u"expectedTable")
        self.expectedTable.setTabKeyNavigation(False)
        self.expectedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.expectedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expectedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expectedSplitter.addWidget(self.expectedTable)
        self.shortTable = QTableWidget(self.expectedSplitter)
        self.shortTable.setObjectName(u"shortTable")
        self.shortTable.setTabKeyNavigation(False)
        self.shortTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shortTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expectedSplitter.addWidget(self.shortTable)

        self.expectedLayout.addWidget(self.expectedSplitter)

        self.tabs.addTab(self.expectedTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.exportButton = QPushButton(ProgressWindow)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.buttons.addWidget(self.exportButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ProgressWindow)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttons)

        self.dialogLayout.setStretch(3, 1)
        QWidget.setTabOrder(self.filterEdit, self.tabs)
        QWidget.setTabOrder(self.tabs, self.unitsTable)
        QWidget.setTabOrder(self.unitsTable, self.membersTable)
        QWidget.setTabOrder(self.membersTable, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.closeButton)

        self.retranslateUi(ProgressWindow)

        QMetaObject.connectSlotsByName(ProgressWindow)
    # setupUi

    def retranslateUi(self, ProgressWindow):
        ProgressWindow.setWindowTitle(QCoreApplication.translate("ProgressWindow", u"Ti\u1ebfn \u0111\u1ed9 c\u1ee7a k\u1ef3 \u0111\u00e1nh gi\u00e1", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("ProgressWindow", u"L\u1ecdc \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("ProgressWindow", u"L\u1ecdc theo m\u00e3, t\u00ean, kh\u1ed1i\u2026", None))
#if QT_CONFIG(accessibility)
        self.unitsTable.setAccessibleName(QCoreApplication.translate("ProgressWindow", u"Ti\u1ebfn \u0111\u1ed9 c\u1ee7a c\u00e1c \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.unitsTab), QCoreApplication.translate("ProgressWindow", u"\u0110\u01a1n &v\u1ecb", None))
        self.tabs.setTabText(self.tabs.indexOf(self.membersTab), QCoreApplication.translate("ProgressWindow", u"&Th\u00e0nh vi\u00ean H\u1ed9i \u0111\u1ed3ng", None))
        self.tabs.setTabText(self.tabs.indexOf(self.roundsTab), QCoreApplication.translate("ProgressWindow", u"&Gi\u1eefa hai v\u00f2ng th\u1ea9m \u0111\u1ecbnh", None))
        self.tabs.setTabText(self.tabs.indexOf(self.expectedTab), QCoreApplication.translate("ProgressWindow", u"&D\u1ef1 ki\u1ebfn \u0111\u1ea1t t\u1ed1i \u0111a", None))
        self.exportButton.setText(QCoreApplication.translate("ProgressWindow", u"&Xu\u1ea5t Excel\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ProgressWindow", u"\u0110\u00f3ng", None))
    # retranslateUi

