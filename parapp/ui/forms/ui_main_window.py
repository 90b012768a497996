# Generated from forms/main_window.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QSplitter, QStatusBar, QTabWidget,
    QTreeView, QVBoxLayout, QWidget)

from parapp.ui.dashboard import Dashboard
from parapp.ui.score_editor import ScoreEditor

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setWindowTitle(u"parapp")
        self.actionOpen = QAction(MainWindow)
        self.actionOpen.setObjectName(u"actionOpen")
#if QT_CONFIG(shortcut)
        self.actionOpen.setShortcut(u"Ctrl+O")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionUndo = QAction(MainWindow)
        self.actionUndo.setObjectName(u"actionUndo")
#if QT_CONFIG(shortcut)
        self.actionUndo.setShortcut(u"Ctrl+Z")
#endif // QT_CONFIG(shortcut)
        self.actionRedo = QAction(MainWindow)
        self.actionRedo.setObjectName(u"actionRedo")
#if QT_CONFIG(shortcut)
        self.actionRedo.setShortcut(u"Ctrl+Shift+Z")
#endif // QT_CONFIG(shortcut)
        self.actionFindUnit = QAction(MainWindow)
        self.actionFindUnit.setObjectName(u"actionFindUnit")
#if QT_CONFIG(shortcut)
        self.actionFindUnit.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionThemeSystem = QAction(MainWindow)
        self.actionThemeSystem.setObjectName(u"actionThemeSystem")
        self.actionThemeSystem.setCheckable(True)
        self.actionThemeLight = QAction(MainWindow)
        self.actionThemeLight.setObjectName(u"actionThemeLight")
        self.actionThemeLight.setCheckable(True)
        self.actionThemeDark = QAction(MainWindow)
        self.actionThemeDark.setObjectName(u"actionThemeDark")
        self.actionThemeDark.setCheckable(True)
        self.actionLanguageVi = QAction(MainWindow)
        self.actionLanguageVi.setObjectName(u"actionLanguageVi")
        self.actionLanguageVi.setCheckable(True)
        self.actionLanguageEn = QAction(MainWindow)
        self.actionLanguageEn.setObjectName(u"actionLanguageEn")
        self.actionLanguageEn.setCheckable(True)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.unitFilterEdit = QLineEdit(self.leftPane)
        self.unitFilterEdit.setObjectName(u"unitFilterEdit")
        self.unitFilterEdit.setClearButtonEnabled(True)

        self.leftLayout.addWidget(self.unitFilterEdit)

        self.unitView = QTreeView(self.leftPane)
        self.unitView.setObjectName(u"unitView")
        self.unitView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitView.setAlternatingRowColors(True)
        self.unitView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unitView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitView.setUniformRowHeights(True)
        self.unitView.setAllColumnsShowFocus(True)

        self.leftLayout.addWidget(self.unitView)

        self.splitter.addWidget(self.leftPane)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.editTab = QWidget()
        self.editTab.setObjectName(u"editTab")
        self.editTabLayout = QVBoxLayout(self.editTab)
        self.editTabLayout.setObjectName(u"editTabLayout")
        self.editTabLayout.setContentsMargins(0, 6, 0, 0)
        self.editSplitter = QSplitter(self.editTab)
        self.editSplitter.setObjectName(u"editSplitter")
        self.editSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.editSplitter.setChildrenCollapsible(False)
        self.criteriaPane = QWidget(self.editSplitter)
        self.criteriaPane.setObjectName(u"criteriaPane")
        self.criteriaLayout = QVBoxLayout(self.criteriaPane)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryBox = QFrame(self.criteriaPane)
        self.summaryBox.setObjectName(u"summaryBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryBox.sizePolicy().hasHeightForWidth())
        self.summaryBox.setSizePolicy(sizePolicy)
        self.summaryBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.summaryLayout = QGridLayout(self.summaryBox)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setHorizontalSpacing(8)
        self.summaryLayout.setVerticalSpacing(2)
        self.summaryLayout.setContentsMargins(8, 6, 8, 6)
        self.unitNameLabel = QLabel(self.summaryBox)
        self.unitNameLabel.setObjectName(u"unitNameLabel")
        self.unitNameLabel.setText(u"\u2014")
        self.unitNameLabel.setWordWrap(True)
        self.unitNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.unitNameLabel, 0, 0, 1, 4)

        self.headNameCaption = QLabel(self.summaryBox)
        self.headNameCaption.setObjectName(u"headNameCaption")

        self.summaryLayout.addWidget(self.headNameCaption, 1, 0, 1, 1)

        self.headNameLabel = QLabel(self.summaryBox)
        self.headNameLabel.setObjectName(u"headNameLabel")
        self.headNameLabel.setText(u"\u2014")
        self.headNameLabel.setWordWrap(True)
        self.headNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.headNameLabel, 1, 1, 1, 3)

        self.totalCaption = QLabel(self.summaryBox)
        self.totalCaption.setObjectName(u"totalCaption")

        self.summaryLayout.addWidget(self.totalCaption, 2, 0, 1, 1)

        self.totalLabel = QLabel(self.summaryBox)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setText(u"\u2014")
        self.totalLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.totalLabel, 2, 1, 1, 1)

        self.rankCaption = QLabel(self.summaryBox)
        self.rankCaption.setObjectName(u"rankCaption")

        self.summaryLayout.addWidget(self.rankCaption, 2, 2, 1, 1)

        self.rankLabel = QLabel(self.summaryBox)
        self.rankLabel.setObjectName(u"rankLabel")
        self.rankLabel.setText(u"\u2014")
        self.rankLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.rankLabel, 2, 3, 1, 1)

        self.indexCaption = QLabel(self.summaryBox)
        self.indexCaption.setObjectName(u"indexCaption")

        self.summaryLayout.addWidget(self.indexCaption, 3, 0, 1, 1)

        self.indexLabel = QLabel(self.summaryBox)
        self.indexLabel.setObjectName(u"indexLabel")
        self.indexLabel.setText(u"\u2014")
        self.indexLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.indexLabel, 3, 1, 1, 1)

        self.rankChangeCaption = QLabel(self.summaryBox)
        self.rankChangeCaption.setObjectName(u"rankChangeCaption")

        self.summaryLayout.addWidget(self.rankChangeCaption, 3, 2, 1, 1)

        self.rankChangeLabel = QLabel(self.summaryBox)
        self.rankChangeLabel.setObjectName(u"rankChangeLabel")
        self.rankChangeLabel.setText(u"\u2014")
        self.rankChangeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.rankChangeLabel, 3, 3, 1, 1)

        self.gradeCaption = QLabel(self.summaryBox)
        self.gradeCaption.setObjectName(u"gradeCaption")

        self.summaryLayout.addWidget(self.gradeCaption, 4, 0, 1, 1)

        self.gradeLabel = QLabel(self.summaryBox)
        self.gradeLabel.setObjectName(u"gradeLabel")
        self.gradeLabel.setText(u"\u2014")
        self.gradeLabel.setWordWrap(True)
        self.gradeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.gradeLabel, 4, 1, 1, 3)

        self.summaryLayout.setColumnStretch(1, 1)
        self.summaryLayout.setColumnStretch(3, 1)

        self.criteriaLayout.addWidget(self.summaryBox)

        self.filterBar = QHBoxLayout()
        self.filterBar.setObjectName(u"filterBar")
        self.criteriaFilterLabel = QLabel(self.criteriaPane)
        self.criteriaFilterLabel.setObjectName(u"criteriaFilterLabel")

        self.filterBar.addWidget(self.criteriaFilterLabel)

        self.criteriaFilterCombo = QComboBox(self.criteriaPane)
        self.criteriaFilterCombo.addItem("")
        self.criteriaFilterCombo.addItem("")
        self.criteriaFilterCombo.addItem("")
        self.criteriaFilterCombo.addItem("")
        self.criteriaFilterCombo.addItem("")
        self.criteriaFilterCombo.setObjectName(u"criteriaFilterCombo")
        self.criteriaFilterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criteriaFilterCombo.setMinimumContentsLength(12)

        self.filterBar.addWidget(self.criteriaFilterCombo)

        self.memberLabel = QLabel(self.criteriaPane)
        self.memberLabel.setObjectName(u"memberLabel")

        self.filterBar.addWidget(self.memberLabel)

        self.memberCombo = QComboBox(self.criteriaPane)
        self.memberCombo.setObjectName(u"memberCombo")
        self.memberCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.memberCombo.setMinimumContentsLength(12)

        self.filterBar.addWidget(self.memberCombo)

        self.filterBar.setStretch(1, 1)
        self.filterBar.setStretch(3, 1)

        self.criteriaLayout.addLayout(self.filterBar)

        self.criteriaView = QTreeView(self.criteriaPane)
        self.criteriaView.setObjectName(u"criteriaView")
        self.criteriaView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteriaView.setAlternatingRowColors(True)
        self.criteriaView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.criteriaView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteriaView.setUniformRowHeights(True)
        self.criteriaView.setAllColumnsShowFocus(True)

        self.criteriaLayout.addWidget(self.criteriaView)

        self.criteriaLayout.setStretch(2, 1)
        self.editSplitter.addWidget(self.criteriaPane)
        self.scoreEditor = ScoreEditor(self.editSplitter)
        self.scoreEditor.setObjectName(u"scoreEditor")
        self.editSplitter.addWidget(self.scoreEditor)

        self.editTabLayout.addWidget(self.editSplitter)

        self.tabs.addTab(self.editTab, "")
        self.dashboardTab = QWidget()
        self.dashboardTab.setObjectName(u"dashboardTab")
        self.dashboardTabLayout = QVBoxLayout(self.dashboardTab)
        self.dashboardTabLayout.setObjectName(u"dashboardTabLayout")
        self.dashboardTabLayout.setContentsMargins(0, 6, 0, 0)
        self.dashboard = Dashboard(self.dashboardTab)
        self.dashboard.setObjectName(u"dashboard")

        self.dashboardTabLayout.addWidget(self.dashboard)

        self.tabs.addTab(self.dashboardTab, "")
        self.splitter.addWidget(self.tabs)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuPeriod = QMenu(self.menubar)
        self.menuPeriod.setObjectName(u"menuPeriod")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuTheme = QMenu(self.menuView)
        self.menuTheme.setObjectName(u"menuTheme")
        self.menuLanguage = QMenu(self.menuView)
        self.menuLanguage.setObjectName(u"menuLanguage")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.criteriaFilterLabel.setBuddy(self.criteriaFilterCombo)
        self.memberLabel.setBuddy(self.memberCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unitFilterEdit, self.unitView)
        QWidget.setTabOrder(self.unitView, self.tabs)
        QWidget.setTabOrder(self.tabs, self.criteriaFilterCombo)
        QWidget.setTabOrder(self.criteriaFilterCombo, self.memberCombo)
        QWidget.setTabOrder(self.memberCombo, self.criteriaView)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuPeriod.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menuFile.addAction(self.actionOpen)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuEdit.addAction(self.actionUndo)
        self.menuEdit.addAction(self.actionRedo)
        self.menuEdit.addSeparator()
        self.menuEdit.addAction(self.actionFindUnit)
        self.menuPeriod.addAction(self.actionSettings)
        self.menuView.addAction(self.menuTheme.menuAction())
        self.menuView.addAction(self.menuLanguage.menuAction())
        self.menuTheme.addAction(self.actionThemeSystem)
        self.menuTheme.addAction(self.actionThemeLight)
        self.menuTheme.addAction(self.actionThemeDark)
        self.menuLanguage.addAction(self.actionLanguageVi)
        self.menuLanguage.addAction(self.actionLanguageEn)

        self.retranslateUi(MainWindow)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.actionOpen.setText(QCoreApplication.translate("MainWindow", u"&M\u1edf\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionOpen.setToolTip(QCoreApplication.translate("MainWindow", u"M\u1edf m\u1ed9t t\u1ec7p \u0111\u00e1nh gi\u00e1 (.parapp)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(statustip)
        self.actionOpen.setStatusTip(QCoreApplication.translate("MainWindow", u"M\u1edf m\u1ed9t t\u1ec7p \u0111\u00e1nh gi\u00e1 (.parapp)", None))
#endif // QT_CONFIG(statustip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Tho\u00e1t", None))
        self.actionUndo.setText(QCoreApplication.translate("MainWindow", u"&Ho\u00e0n t\u00e1c", None))
#if QT_CONFIG(tooltip)
        self.actionUndo.setToolTip(QCoreApplication.translate("MainWindow", u"Ho\u00e0n t\u00e1c l\u1ea7n s\u1eeda \u0111i\u1ec3m g\u1ea7n nh\u1ea5t", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(statustip)
        self.actionUndo.setStatusTip(QCoreApplication.translate("MainWindow", u"Ho\u00e0n t\u00e1c l\u1ea7n s\u1eeda \u0111i\u1ec3m g\u1ea7n nh\u1ea5t", None))
#endif // QT_CONFIG(statustip)
        self.actionRedo.setText(QCoreApplication.translate("MainWindow", u"&L\u00e0m l\u1ea1i", None))
#if QT_CONFIG(tooltip)
        self.actionRedo.setToolTip(QCoreApplication.translate("MainWindow", u"L\u00e0m l\u1ea1i l\u1ea7n s\u1eeda \u0111i\u1ec3m v\u1eeba ho\u00e0n t\u00e1c", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(statustip)
        self.actionRedo.setStatusTip(QCoreApplication.translate("MainWindow", u"L\u00e0m l\u1ea1i l\u1ea7n s\u1eeda \u0111i\u1ec3m v\u1eeba ho\u00e0n t\u00e1c", None))
#endif // QT_CONFIG(statustip)
        self.actionFindUnit.setText(QCoreApplication.translate("MainWindow", u"&T\u00ecm \u0111\u01a1n v\u1ecb", None))
#if QT_CONFIG(tooltip)
        self.actionFindUnit.setToolTip(QCoreApplication.translate("MainWindow", u"L\u1ecdc danh s\u00e1ch \u0111\u01a1n v\u1ecb theo t\u00ean ho\u1eb7c m\u00e3", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(statustip)
        self.actionFindUnit.setStatusTip(QCoreApplication.translate("MainWindow", u"L\u1ecdc danh s\u00e1ch \u0111\u01a1n v\u1ecb theo t\u00ean ho\u1eb7c m\u00e3", None))
#endif // QT_CONFIG(statustip)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Thi\u1ebft l\u1eadp x\u1ebfp h\u1ea1ng, x\u1ebfp lo\u1ea1i\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionSettings.setToolTip(QCoreApplication.translate("MainWindow", u"C\u00e1ch x\u1ebfp h\u1ea1ng, x\u1ebfp lo\u1ea1i ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u v\u00e0 hi\u1ec3n th\u1ecb \u0111i\u1ec3m c\u1ee7a k\u1ef3 \u0111\u00e1nh gi\u00e1", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(statustip)
        self.actionSettings.setStatusTip(QCoreApplication.translate("MainWindow", u"C\u00e1ch x\u1ebfp h\u1ea1ng, x\u1ebfp lo\u1ea1i ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u v\u00e0 hi\u1ec3n th\u1ecb \u0111i\u1ec3m c\u1ee7a k\u1ef3 \u0111\u00e1nh gi\u00e1", None))
#endif // QT_CONFIG(statustip)
        self.actionThemeSystem.setText(QCoreApplication.translate("MainWindow", u"Theo &h\u1ec7 th\u1ed1ng", None))
        self.actionThemeLight.setText(QCoreApplication.translate("MainWindow", u"&S\u00e1ng", None))
        self.actionThemeDark.setText(QCoreApplication.translate("MainWindow", u"&T\u1ed1i", None))
        self.actionLanguageVi.setText(QCoreApplication.translate("MainWindow", u"&Ti\u1ebfng Vi\u1ec7t", None))
        self.actionLanguageEn.setText(QCoreApplication.translate("MainWindow", u"&English", None))
#if QT_CONFIG(accessibility)
        self.unitFilterEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"L\u1ecdc \u0111\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.unitFilterEdit.setToolTip(QCoreApplication.translate("MainWindow", u"G\u00f5 t\u00ean ho\u1eb7c m\u00e3 \u0111\u01a1n v\u1ecb, c\u00f3 d\u1ea5u hay kh\u00f4ng d\u1ea5u \u0111\u1ec1u \u0111\u01b0\u1ee3c (Ctrl+F)", None))
#endif // QT_CONFIG(tooltip)
        self.unitFilterEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"L\u1ecdc \u0111\u01a1n v\u1ecb\u2026", None))
#if QT_CONFIG(accessibility)
        self.unitView.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryBox.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(accessibility)
        self.headNameCaption.setText(QCoreApplication.translate("MainWindow", u"Ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u:", None))
        self.totalCaption.setText(QCoreApplication.translate("MainWindow", u"T\u1ed5ng \u0111i\u1ec3m:", None))
        self.rankCaption.setText(QCoreApplication.translate("MainWindow", u"X\u1ebfp h\u1ea1ng:", None))
        self.indexCaption.setText(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 s\u1ed1:", None))
        self.rankChangeCaption.setText(QCoreApplication.translate("MainWindow", u"So v\u1edbi n\u0103m tr\u01b0\u1edbc:", None))
        self.gradeCaption.setText(QCoreApplication.translate("MainWindow", u"X\u1ebfp lo\u1ea1i:", None))
        self.criteriaFilterLabel.setText(QCoreApplication.translate("MainWindow", u"&Xem:", None))
        self.criteriaFilterCombo.setItemText(0, QCoreApplication.translate("MainWindow", u"T\u1ea5t c\u1ea3", None))
        self.criteriaFilterCombo.setItemText(1, QCoreApplication.translate("MainWindow", u"Ch\u01b0a th\u1ea9m \u0111\u1ecbnh", None))
        self.criteriaFilterCombo.setItemText(2, QCoreApplication.translate("MainWindow", u"B\u1ecb tr\u1eeb \u0111i\u1ec3m", None))
        self.criteriaFilterCombo.setItemText(3, QCoreApplication.translate("MainWindow", u"Thi\u1ebfu t\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
        self.criteriaFilterCombo.setItemText(4, QCoreApplication.translate("MainWindow", u"L\u0129nh v\u1ef1c t\u00f4i ph\u1ee5 tr\u00e1ch", None))

#if QT_CONFIG(tooltip)
        self.criteriaFilterCombo.setToolTip(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 hi\u1ec7n c\u00e1c ti\u00eau ch\u00ed th\u1ecfa \u0111i\u1ec1u ki\u1ec7n (v\u00e0 c\u00e1c m\u1ee5c cha c\u1ee7a ch\u00fang)", None))
#endif // QT_CONFIG(tooltip)
        self.memberLabel.setText(QCoreApplication.translate("MainWindow", u"T\u00f4i &l\u00e0:", None))
#if QT_CONFIG(tooltip)
        self.memberCombo.setToolTip(QCoreApplication.translate("MainWindow", u"C\u01a1 quan th\u00e0nh vi\u00ean h\u1ed9i \u0111\u1ed3ng c\u1ee7a b\u1ea1n: d\u00f9ng cho b\u1ed9 l\u1ecdc \u00abL\u0129nh v\u1ef1c t\u00f4i ph\u1ee5 tr\u00e1ch\u00bb", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.criteriaView.setAccessibleName(QCoreApplication.translate("MainWindow", u"B\u1ed9 ch\u1ec9 s\u1ed1", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.editTab), QCoreApplication.translate("MainWindow", u"&Ch\u1ea5m \u0111i\u1ec3m", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dashboardTab), QCoreApplication.translate("MainWindow", u"T\u1ed5n&g h\u1ee3p", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&T\u1ec7p", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&S\u1eeda", None))
        self.menuPeriod.setTitle(QCoreApplication.translate("MainWindow", u"&K\u1ef3 \u0111\u00e1nh gi\u00e1", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&Hi\u1ec3n th\u1ecb", None))
        self.menuTheme.setTitle(QCoreApplication.translate("MainWindow", u"&Giao di\u1ec7n", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Ng\u00f4n ng\u1eef", None))
        pass
    # retranslateUi

