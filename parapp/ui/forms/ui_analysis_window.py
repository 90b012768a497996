# Generated from forms/analysis_window.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'analysis_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

from parapp.ui.distribution_chart import DistributionChart

class Ui_AnalysisWindow(object):
    def setupUi(self, AnalysisWindow):
        if not AnalysisWindow.objectName():
            AnalysisWindow.setObjectName(u"AnalysisWindow")
        AnalysisWindow.resize(1100, 640)
        self.dialogLayout = QVBoxLayout(AnalysisWindow)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scopeRow = QHBoxLayout()
        self.scopeRow.setObjectName(u"scopeRow")
        self.blockLabel = QLabel(AnalysisWindow)
        self.blockLabel.setObjectName(u"blockLabel")

        self.scopeRow.addWidget(self.blockLabel)

        self.blockCombo = QComboBox(AnalysisWindow)
        self.blockCombo.setObjectName(u"blockCombo")

        self.scopeRow.addWidget(self.blockCombo)

        self.unitLabel = QLabel(AnalysisWindow)
        self.unitLabel.setObjectName(u"unitLabel")

        self.scopeRow.addWidget(self.unitLabel)

        self.unitCombo = QComboBox(AnalysisWindow)
        self.unitCombo.setObjectName(u"unitCombo")

        self.scopeRow.addWidget(self.unitCombo)

        self.scopeRow.setStretch(1, 1)
        self.scopeRow.setStretch(3, 1)

        self.dialogLayout.addLayout(self.scopeRow)

        self.tabs = QTabWidget(AnalysisWindow)
        self.tabs.setObjectName(u"tabs")
        self.unitTab = QWidget()
        self.unitTab.setObjectName(u"unitTab")
        self.unitLayout = QVBoxLayout(self.unitTab)
        self.unitLayout.setObjectName(u"unitLayout")
        self.unitSummary = QLabel(self.unitTab)
        self.unitSummary.setObjectName(u"unitSummary")
        self.unitSummary.setWordWrap(True)

        self.unitLayout.addWidget(self.unitSummary)

        self.lossTree = QTreeWidget(self.unitTab)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.lossTree.setHeaderItem(__qtreewidgetitem)
        self.lossTree.setObjectName(u"lossTree")
        self.lossTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lossTree.setUniformRowHeights(False)
        self.lossTree.setWordWrap(True)

        self.unitLayout.addWidget(self.lossTree)

        self.unitLayout.setStretch(1, 1)
        self.tabs.addTab(self.unitTab, "")
        self.criteriaTab = QWidget()
        self.criteriaTab.setObjectName(u"criteriaTab")
        self.criteriaLayout = QVBoxLayout(self.criteriaTab)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaTable = QTableWidget(self.criteriaTab)
        self.criteriaTable.setObjectName(u"criteriaTable")
        self.criteriaTable.setTabKeyNavigation(False)
        self.criteriaTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteriaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteriaTable.setSortingEnabled(True)

        self.criteriaLayout.addWidget(self.criteriaTable)

        self.tabs.addTab(self.criteriaTab, "")
        self.selfTab = QWidget()
        self.selfTab.setObjectName(u"selfTab")
        self.selfLayout = QVBoxLayout(self.selfTab)
        self.selfLayout.setObjectName(u"selfLayout")
        self.selfHint = QLabel(self.selfTab)
        self.selfHint.setObjectName(u"selfHint")
        self.selfHint.setWordWrap(True)

        self.selfLayout.addWidget(self.selfHint)

        self.selfTable = QTableWidget(self.selfTab)
        self.selfTable.setObjectName(u"selfTable")
        self.selfTable.setTabKeyNavigation(False)
        self.selfTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.selfTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.selfTable.setSortingEnabled(True)

        self.selfLayout.addWidget(self.selfTable)

        self.selfLayout.setStretch(1, 1)
        self.tabs.addTab(self.selfTab, "")
        self.heatTab = QWidget()
        self.heatTab.setObjectName(u"heatTab")
        self.heatLayout = QVBoxLayout(self.heatTab)
        self.heatLayout.setObjectName(u"heatLayout")
        self.heatHint = QLabel(self.heatTab)
        self.heatHint.setObjectName(u"heatHint")
        self.heatHint.setWordWrap(True)

        self.heatLayout.addWidget(self.heatHint)

        self.heatTable = QTableWidget(self.heatTab)
        self.heatTable.setObjectName(u"heatTable")
        self.heatTable.setTabKeyNavigation(False)
        self.heatTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.heatLayout.addWidget(self.heatTable)

        self.heatLayout.setStretch(1, 1)
        self.tabs.addTab(self.heatTab, "")
        self.distTab = QWidget()
        self.distTab.setObjectName(u"distTab")
        self.distLayout = QVBoxLayout(self.distTab)
        self.distLayout.setObjectName(u"distLayout")
        self.distHint = QLabel(self.distTab)
        self.distHint.setObjectName(u"distHint")
        self.distHint.setWordWrap(True)

        self.distLayout.addWidget(self.distHint)

        self.distChart = DistributionChart(self.distTab)
        self.distChart.setObjectName(u"distChart")

        self.distLayout.addWidget(self.distChart)

        self.distRow = QHBoxLayout()
        self.distRow.setObjectName(u"distRow")
        self.bandTable = QTableWidget(self.distTab)
        self.bandTable.setObjectName(u"bandTable")
        self.bandTable.setTabKeyNavigation(False)
        self.bandTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bandTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.bandTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bandTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.distRow.addWidget(self.bandTable)

        self.distSummary = QLabel(self.distTab)
        self.distSummary.setObjectName(u"distSummary")
        self.distSummary.setWordWrap(True)
        self.distSummary.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.distRow.addWidget(self.distSummary)

        self.distRow.setStretch(1, 1)

        self.distLayout.addLayout(self.distRow)

        self.distSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.distLayout.addItem(self.distSpacer)

        self.distLayout.setStretch(1, 1)
        self.tabs.addTab(self.distTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.exportButton = QPushButton(AnalysisWindow)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.buttons.addWidget(self.exportButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(AnalysisWindow)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttons)

        self.dialogLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.blockLabel.setBuddy(self.blockCombo)
        self.unitLabel.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AnalysisWindow)

        QMetaObject.connectSlotsByName(AnalysisWindow)
    # setupUi

    def retranslateUi(self, AnalysisWindow):
        AnalysisWindow.setWindowTitle(QCoreApplication.translate("AnalysisWindow", u"\u0110i\u1ec3m b\u1ecb tr\u1eeb \u1edf \u0111\u00e2u", None))
        self.blockLabel.setText(QCoreApplication.translate("AnalysisWindow", u"&Kh\u1ed1i:", None))
        self.unitLabel.setText(QCoreApplication.translate("AnalysisWindow", u"\u0110\u01a1n &v\u1ecb:", None))
#if QT_CONFIG(accessibility)
        self.lossTree.setAccessibleName(QCoreApplication.translate("AnalysisWindow", u"\u0110i\u1ec3m b\u1ecb tr\u1eeb theo ti\u00eau ch\u00ed", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.unitTab), QCoreApplication.translate("AnalysisWindow", u"\u0110\u01a1n v\u1ecb &b\u1ecb tr\u1eeb \u0111i\u1ec3m \u1edf \u0111\u00e2u", None))
        self.tabs.setTabText(self.tabs.indexOf(self.criteriaTab), QCoreApplication.translate("AnalysisWindow", u"Theo &ti\u00eau ch\u00ed th\u00e0nh ph\u1ea7n", None))
        self.selfHint.setText(QCoreApplication.translate("AnalysisWindow", u"C\u00e1c \u0111\u01a1n v\u1ecb t\u1ef1 \u0111\u00e1nh gi\u00e1 cao h\u01a1n \u0111i\u1ec3m \u0111\u01b0\u1ee3c c\u00f4ng nh\u1eadn: s\u1ed1 ti\u00eau ch\u00ed, t\u1ed5ng ch\u00eanh l\u1ec7ch v\u00e0 c\u00e1c l\u0129nh v\u1ef1c ch\u00eanh nhi\u1ec1u nh\u1ea5t (ngu\u1ed3n ch\u00ednh c\u1ee7a khi\u1ebfu n\u1ea1i, gi\u1ea3i tr\u00ecnh).", None))
        self.tabs.setTabText(self.tabs.indexOf(self.selfTab), QCoreApplication.translate("AnalysisWindow", u"T\u1ef1 \u0111\u00e1nh gi\u00e1 &so v\u1edbi k\u1ebft qu\u1ea3", None))
        self.heatHint.setText(QCoreApplication.translate("AnalysisWindow", u"T\u1ef7 l\u1ec7 \u0111i\u1ec3m \u0111\u1ea1t so v\u1edbi t\u1ed1i \u0111a c\u1ee7a t\u1eebng l\u0129nh v\u1ef1c (\u0111\u1ecf: th\u1ea5p, xanh: cao). Nh\u1ea5n v\u00e0o m\u1ed9t \u00f4 \u0111\u1ec3 xem \u0111\u01a1n v\u1ecb v\u00e0 l\u0129nh v\u1ef1c \u0111\u00f3 trong tab Ch\u1ea5m \u0111i\u1ec3m.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.heatTab), QCoreApplication.translate("AnalysisWindow", u"B\u1ea3n \u0111\u1ed3 &nhi\u1ec7t", None))
        self.distHint.setText(QCoreApplication.translate("AnalysisWindow", u"Ch\u1ec9 s\u1ed1 CCHC c\u1ee7a c\u00e1c \u0111\u01a1n v\u1ecb \u0111\u01b0\u1ee3c x\u1ebfp h\u1ea1ng trong kh\u1ed1i, gi\u1eefa c\u00e1c ng\u01b0\u1ee1ng x\u1ebfp lo\u1ea1i ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u; m\u00e0u c\u1ee7a ch\u1ea5m l\u00e0 x\u1ebfp lo\u1ea1i \u0111\u00e3 c\u00f3. Di chu\u1ed9t l\u00ean m\u1ed9t ch\u1ea5m \u0111\u1ec3 xem \u0111\u01a1n v\u1ecb, nh\u1ea5n \u0111\u1ec3 ch\u1ecdn \u0111\u01a1n v\u1ecb \u0111\u00f3, nh\u1ea5n \u0111\u00fap \u0111\u1ec3 xem \u0111\u01a1n v\u1ecb b\u1ecb tr\u1eeb \u0111i\u1ec3m \u1edf \u0111\u00e2u.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.distTab), QCoreApplication.translate("AnalysisWindow", u"&Ph\u00e2n b\u1ed1 ch\u1ec9 s\u1ed1", None))
        self.exportButton.setText(QCoreApplication.translate("AnalysisWindow", u"&Xu\u1ea5t Excel\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("AnalysisWindow", u"\u0110\u00f3ng", None))
    # retranslateUi

