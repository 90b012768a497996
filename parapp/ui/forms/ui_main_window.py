# Generated from forms/main_window.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QMainWindow,
    QMenu, QMenuBar, QSizePolicy, QSplitter,
    QStatusBar, QTreeView, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setWindowTitle(u"parapp")
        self.actionOpen = QAction(MainWindow)
        self.actionOpen.setObjectName(u"actionOpen")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.unitTree = QTreeWidget(self.splitter)
        self.unitTree.setObjectName(u"unitTree")
        self.unitTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitTree.setAlternatingRowColors(True)
        self.unitTree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitTree.setUniformRowHeights(True)
        self.unitTree.setAllColumnsShowFocus(True)
        self.splitter.addWidget(self.unitTree)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryBox = QGroupBox(self.detailPane)
        self.summaryBox.setObjectName(u"summaryBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryBox.sizePolicy().hasHeightForWidth())
        self.summaryBox.setSizePolicy(sizePolicy)
        self.summaryLayout = QHBoxLayout(self.summaryBox)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryFormLeft = QFormLayout()
        self.summaryFormLeft.setObjectName(u"summaryFormLeft")
        self.summaryFormLeft.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.unitNameCaption = QLabel(self.summaryBox)
        self.unitNameCaption.setObjectName(u"unitNameCaption")

        self.summaryFormLeft.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitNameCaption)

        self.unitNameLabel = QLabel(self.summaryBox)
        self.unitNameLabel.setObjectName(u"unitNameLabel")
        self.unitNameLabel.setWordWrap(True)
        self.unitNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormLeft.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitNameLabel)

        self.headNameCaption = QLabel(self.summaryBox)
        self.headNameCaption.setObjectName(u"headNameCaption")

        self.summaryFormLeft.setWidget(1, QFormLayout.ItemRole.LabelRole, self.headNameCaption)

        self.headNameLabel = QLabel(self.summaryBox)
        self.headNameLabel.setObjectName(u"headNameLabel")
        self.headNameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormLeft.setWidget(1, QFormLayout.ItemRole.FieldRole, self.headNameLabel)

        self.gradeCaption = QLabel(self.summaryBox)
        self.gradeCaption.setObjectName(u"gradeCaption")

        self.summaryFormLeft.setWidget(2, QFormLayout.ItemRole.LabelRole, self.gradeCaption)

        self.gradeLabel = QLabel(self.summaryBox)
        self.gradeLabel.setObjectName(u"gradeLabel")
        self.gradeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormLeft.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gradeLabel)


        self.summaryLayout.addLayout(self.summaryFormLeft)

        self.summaryFormRight = QFormLayout()
        self.summaryFormRight.setObjectName(u"summaryFormRight")
        self.summaryFormRight.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.totalCaption = QLabel(self.summaryBox)
        self.totalCaption.setObjectName(u"totalCaption")

        self.summaryFormRight.setWidget(0, QFormLayout.ItemRole.LabelRole, self.totalCaption)

        self.totalLabel = QLabel(self.summaryBox)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormRight.setWidget(0, QFormLayout.ItemRole.FieldRole, self.totalLabel)

        self.indexCaption = QLabel(self.summaryBox)
        self.indexCaption.setObjectName(u"indexCaption")

        self.summaryFormRight.setWidget(1, QFormLayout.ItemRole.LabelRole, self.indexCaption)

        self.indexLabel = QLabel(self.summaryBox)
        self.indexLabel.setObjectName(u"indexLabel")
        self.indexLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormRight.setWidget(1, QFormLayout.ItemRole.FieldRole, self.indexLabel)

        self.rankCaption = QLabel(self.summaryBox)
        self.rankCaption.setObjectName(u"rankCaption")

        self.summaryFormRight.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rankCaption)

        self.rankLabel = QLabel(self.summaryBox)
        self.rankLabel.setObjectName(u"rankLabel")
        self.rankLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormRight.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rankLabel)

        self.rankChangeCaption = QLabel(self.summaryBox)
        self.rankChangeCaption.setObjectName(u"rankChangeCaption")

        self.summaryFormRight.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rankChangeCaption)

        self.rankChangeLabel = QLabel(self.summaryBox)
        self.rankChangeLabel.setObjectName(u"rankChangeLabel")
        self.rankChangeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryFormRight.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rankChangeLabel)


        self.summaryLayout.addLayout(self.summaryFormRight)

        self.summaryLayout.setStretch(0, 3)
        self.summaryLayout.setStretch(1, 2)

        self.detailLayout.addWidget(self.summaryBox)

        self.criteriaView = QTreeView(self.detailPane)
        self.criteriaView.setObjectName(u"criteriaView")
        self.criteriaView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteriaView.setAlternatingRowColors(True)
        self.criteriaView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteriaView.setUniformRowHeights(True)
        self.criteriaView.setAllColumnsShowFocus(True)

        self.detailLayout.addWidget(self.criteriaView)

        self.detailLayout.setStretch(1, 1)
        self.splitter.addWidget(self.detailPane)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menuFile.addAction(self.actionOpen)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.actionOpen.setText(QCoreApplication.translate("MainWindow", u"&M\u1edf\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionOpen.setToolTip(QCoreApplication.translate("MainWindow", u"M\u1edf m\u1ed9t t\u1ec7p \u0111\u00e1nh gi\u00e1 (.parapp)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionOpen.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Tho\u00e1t", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        ___qtreewidgetitem = self.unitTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("MainWindow", u"H\u1ea1ng", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("MainWindow", u"Ch\u1ec9 s\u1ed1 (%)", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("MainWindow", u"T\u1ed5ng \u0111i\u1ec3m", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb", None))
#if QT_CONFIG(accessibility)
        self.unitTree.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb", None))
#endif // QT_CONFIG(accessibility)
        self.summaryBox.setTitle(QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb \u0111ang ch\u1ecdn", None))
        self.unitNameCaption.setText(QCoreApplication.translate("MainWindow", u"\u0110\u01a1n v\u1ecb:", None))
        self.headNameCaption.setText(QCoreApplication.translate("MainWindow", u"Ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u:", None))
        self.gradeCaption.setText(QCoreApplication.translate("MainWindow", u"X\u1ebfp lo\u1ea1i:", None))
        self.totalCaption.setText(QCoreApplication.translate("MainWindow", u"T\u1ed5ng \u0111i\u1ec3m:", None))
        self.indexCaption.setText(QCoreApplication.translate("MainWindow", u"Ch\u1ec9 s\u1ed1:", None))
        self.rankCaption.setText(QCoreApplication.translate("MainWindow", u"X\u1ebfp h\u1ea1ng:", None))
        self.rankChangeCaption.setText(QCoreApplication.translate("MainWindow", u"So v\u1edbi n\u0103m tr\u01b0\u1edbc:", None))
#if QT_CONFIG(accessibility)
        self.criteriaView.setAccessibleName(QCoreApplication.translate("MainWindow", u"B\u1ed9 ch\u1ec9 s\u1ed1", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&T\u1ec7p", None))
        pass
    # retranslateUi

