# Generated from forms/dashboard.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

from parapp.ui.dashboard import IndexChart

class Ui_Dashboard(object):
    def setupUi(self, Dashboard):
        if not Dashboard.objectName():
            Dashboard.setObjectName(u"Dashboard")
        Dashboard.resize(1000, 720)
        self.dashboardLayout = QVBoxLayout(Dashboard)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.blockLabel = QLabel(Dashboard)
        self.blockLabel.setObjectName(u"blockLabel")

        self.topBar.addWidget(self.blockLabel)

        self.blockCombo = QComboBox(Dashboard)
        self.blockCombo.setObjectName(u"blockCombo")
        self.blockCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.topBar.addWidget(self.blockCombo)

        self.blockGap = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.topBar.addItem(self.blockGap)

        self.summaryLabel = QLabel(Dashboard)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.topBar.addWidget(self.summaryLabel)

        self.settingsButton = QPushButton(Dashboard)
        self.settingsButton.setObjectName(u"settingsButton")

        self.topBar.addWidget(self.settingsButton)

        self.topBar.setStretch(3, 1)

        self.dashboardLayout.addLayout(self.topBar)

        self.previewLabel = QLabel(Dashboard)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setVisible(False)
        self.previewLabel.setAutoFillBackground(True)
        self.previewLabel.setFrameShape(QFrame.Shape.StyledPanel)

        self.dashboardLayout.addWidget(self.previewLabel)

        self.countsLabel = QLabel(Dashboard)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.countsLabel.setWordWrap(True)

        self.dashboardLayout.addWidget(self.countsLabel)

        self.totalCountsLabel = QLabel(Dashboard)
        self.totalCountsLabel.setObjectName(u"totalCountsLabel")
        self.totalCountsLabel.setWordWrap(True)

        self.dashboardLayout.addWidget(self.totalCountsLabel)

        self.splitter = QSplitter(Dashboard)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.splitter.addWidget(self.table)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        self.chartScroll = QScrollArea(self.splitter)
        self.chartScroll.setObjectName(u"chartScroll")
        self.chartScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chartScroll.setWidgetResizable(True)
        self.chart = IndexChart()
        self.chart.setObjectName(u"chart")
        self.chart.setGeometry(QRect(0, 0, 720, 320))
        self.chartScroll.setWidget(self.chart)
        self.splitter.addWidget(self.chartScroll)

        self.dashboardLayout.addWidget(self.splitter)

        self.dashboardLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.blockLabel.setBuddy(self.blockCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.blockCombo, self.settingsButton)
        QWidget.setTabOrder(self.settingsButton, self.table)
        QWidget.setTabOrder(self.table, self.chartScroll)

        self.retranslateUi(Dashboard)

        QMetaObject.connectSlotsByName(Dashboard)
    # setupUi

    def retranslateUi(self, Dashboard):
        self.blockLabel.setText(QCoreApplication.translate("Dashboard", u"&Kh\u1ed1i:", None))
        self.settingsButton.setText(QCoreApplication.translate("Dashboard", u"Thi\u1ebft l\u1eadp x\u1ebfp h\u1ea1ng, x\u1ebfp lo\u1ea1i\u2026", None))
        self.previewLabel.setText(QCoreApplication.translate("Dashboard", u"\u0110ang xem tr\u01b0\u1edbc thi\u1ebft l\u1eadp ch\u01b0a l\u01b0u: th\u1ee9 h\u1ea1ng v\u00e0 x\u1ebfp lo\u1ea1i ch\u1ec9 \u0111\u1ec3 tham kh\u1ea3o.", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("Dashboard", u"B\u1ea3ng x\u1ebfp h\u1ea1ng", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

