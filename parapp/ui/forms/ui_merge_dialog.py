# Generated from forms/merge_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QProgressBar, QPushButton, QSizePolicy, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MergeDialog(object):
    def setupUi(self, MergeDialog):
        if not MergeDialog.objectName():
            MergeDialog.setObjectName(u"MergeDialog")
        MergeDialog.resize(1180, 680)
        self.dialogLayout = QVBoxLayout(MergeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.pages = QStackedWidget(MergeDialog)
        self.pages.setObjectName(u"pages")
        self.planPage = QWidget()
        self.planPage.setObjectName(u"planPage")
        self.planLayout = QVBoxLayout(self.planPage)
        self.planLayout.setObjectName(u"planLayout")
        self.planLayout.setContentsMargins(0, 0, 0, 0)
        self.packagesBar = QHBoxLayout()
        self.packagesBar.setObjectName(u"packagesBar")
        self.introLabel = QLabel(self.planPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.packagesBar.addWidget(self.introLabel)

        self.addButton = QPushButton(self.planPage)
        self.addButton.setObjectName(u"addButton")

        self.packagesBar.addWidget(self.addButton)

        self.removeButton = QPushButton(self.planPage)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setEnabled(False)

        self.packagesBar.addWidget(self.removeButton)

        self.packagesBar.setStretch(0, 1)

        self.planLayout.addLayout(self.packagesBar)

        self.packagesTable = QTableWidget(self.planPage)
        if (self.packagesTable.columnCount() < 7):
            self.packagesTable.setColumnCount(7)
        __qtablewidgetitem = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.packagesTable.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        self.packagesTable.setObjectName(u"packagesTable")
        self.packagesTable.setTabKeyNavigation(False)
        self.packagesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packagesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packagesTable.setWordWrap(False)
        self.packagesTable.verticalHeader().setVisible(False)

        self.planLayout.addWidget(self.packagesTable)

        self.lateBar = QHBoxLayout()
        self.lateBar.setObjectName(u"lateBar")
        self.lateCheck = QCheckBox(self.planPage)
        self.lateCheck.setObjectName(u"lateCheck")

        self.lateBar.addWidget(self.lateCheck)

        self.lateReason = QLineEdit(self.planPage)
        self.lateReason.setObjectName(u"lateReason")
        self.lateReason.setEnabled(False)

        self.lateBar.addWidget(self.lateReason)

        self.lateBar.setStretch(1, 1)

        self.planLayout.addLayout(self.lateBar)

        self.conflictsLabel = QLabel(self.planPage)
        self.conflictsLabel.setObjectName(u"conflictsLabel")
        font = QFont()
        font.setBold(True)
        self.conflictsLabel.setFont(font)

        self.planLayout.addWidget(self.conflictsLabel)

        self.conflictsTable = QTableWidget(self.planPage)
        if (self.conflictsTable.columnCount() < 9):
            self.conflictsTable.setColumnCount(9)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(0, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(1, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(2, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(3, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(4, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(5, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(6, __qtablewidgetitem13)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(7, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(8, __qtablewidgetitem15)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.conflictsTable.setWordWrap(True)
        self.conflictsTable.verticalHeader().setVisible(False)

        self.planLayout.addWidget(self.conflictsTable)

        self.bulkRow = QWidget(self.planPage)
        self.bulkRow.setObjectName(u"bulkRow")
        self.bulkLayout = QHBoxLayout(self.bulkRow)
        self.bulkLayout.setObjectName(u"bulkLayout")
        self.bulkLayout.setContentsMargins(0, 0, 0, 0)
        self.allLabel = QLabel(self.bulkRow)
        self.allLabel.setObjectName(u"allLabel")

        self.bulkLayout.addWidget(self.allLabel)

        self.allChoice = QComboBox(self.bulkRow)
        self.allChoice.addItem("")
        self.allChoice.addItem("")
        self.allChoice.addItem("")
        self.allChoice.setObjectName(u"allChoice")
        self.allChoice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.bulkLayout.addWidget(self.allChoice)

        self.allReason = QLineEdit(self.bulkRow)
        self.allReason.setObjectName(u"allReason")

        self.bulkLayout.addWidget(self.allReason)

        self.fillButton = QPushButton(self.bulkRow)
        self.fillButton.setObjectName(u"fillButton")

        self.bulkLayout.addWidget(self.fillButton)

        self.bulkLayout.setStretch(2, 1)

        self.planLayout.addWidget(self.bulkRow)

        self.hintLabel = QLabel(self.planPage)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.planLayout.addWidget(self.hintLabel)

        self.planLayout.setStretch(1, 1)
        self.planLayout.setStretch(4, 3)
        self.pages.addWidget(self.planPage)
        self.resultPage = QWidget()
        self.resultPage.setObjectName(u"resultPage")
        self.resultLayout = QVBoxLayout(self.resultPage)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(0, 0, 0, 0)
        self.resultTitle = QLabel(self.resultPage)
        self.resultTitle.setObjectName(u"resultTitle")

        self.resultLayout.addWidget(self.resultTitle)

        self.undoLabel = QLabel(self.resultPage)
        self.undoLabel.setObjectName(u"undoLabel")

        self.resultLayout.addWidget(self.undoLabel)

        self.resultText = QPlainTextEdit(self.resultPage)
        self.resultText.setObjectName(u"resultText")
        self.resultText.setReadOnly(True)

        self.resultLayout.addWidget(self.resultText)

        self.backupRow = QHBoxLayout()
        self.backupRow.setObjectName(u"backupRow")
        self.backupLabel = QLabel(self.resultPage)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupRow.addWidget(self.backupLabel)

        self.exportButton = QPushButton(self.resultPage)
        self.exportButton.setObjectName(u"exportButton")

        self.backupRow.addWidget(self.exportButton)

        self.backupRow.setStretch(0, 1)

        self.resultLayout.addLayout(self.backupRow)

        self.resultLayout.setStretch(2, 1)
        self.pages.addWidget(self.resultPage)

        self.dialogLayout.addWidget(self.pages)

        self.busyRow = QWidget(MergeDialog)
        self.busyRow.setObjectName(u"busyRow")
        self.busyRow.setVisible(False)
        self.busyLayout = QHBoxLayout(self.busyRow)
        self.busyLayout.setObjectName(u"busyLayout")
        self.busyLayout.setContentsMargins(0, 0, 0, 0)
        self.statusLabel = QLabel(self.busyRow)
        self.statusLabel.setObjectName(u"statusLabel")

        self.busyLayout.addWidget(self.statusLabel)

        self.progressBar = QProgressBar(self.busyRow)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setTextVisible(False)

        self.busyLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(self.busyRow)
        self.cancelButton.setObjectName(u"cancelButton")

        self.busyLayout.addWidget(self.cancelButton)

        self.busyLayout.setStretch(0, 1)
        self.busyLayout.setStretch(1, 1)

        self.dialogLayout.addWidget(self.busyRow)

        self.buttonBox = QDialogButtonBox(MergeDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(0, 1)
        QWidget.setTabOrder(self.addButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.packagesTable)
        QWidget.setTabOrder(self.packagesTable, self.conflictsTable)
        QWidget.setTabOrder(self.conflictsTable, self.allChoice)
        QWidget.setTabOrder(self.allChoice, self.allReason)
        QWidget.setTabOrder(self.allReason, self.fillButton)
        QWidget.setTabOrder(self.fillButton, self.resultText)
        QWidget.setTabOrder(self.resultText, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.cancelButton)

        self.retranslateUi(MergeDialog)

        QMetaObject.connectSlotsByName(MergeDialog)
    # setupUi

    def retranslateUi(self, MergeDialog):
        MergeDialog.setWindowTitle(QCoreApplication.translate("MergeDialog", u"H\u1ee3p nh\u1ea5t g\u00f3i c\u1ee7a th\u00e0nh vi\u00ean H\u1ed9i \u0111\u1ed3ng", None))
        self.addButton.setText(QCoreApplication.translate("MergeDialog", u"&Th\u00eam g\u00f3i\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("MergeDialog", u"&B\u1ecf g\u00f3i \u0111\u00e3 ch\u1ecdn", None))
        ___qtablewidgetitem = self.packagesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MergeDialog", u"T\u1ec7p g\u00f3i", None))
        ___qtablewidgetitem1 = self.packagesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MergeDialog", u"Th\u00e0nh vi\u00ean", None))
        ___qtablewidgetitem2 = self.packagesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MergeDialog", u"Ni\u00eam phong l\u00fac", None))
        ___qtablewidgetitem3 = self.packagesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MergeDialog", u"\u00c1p d\u1ee5ng", None))
        ___qtablewidgetitem4 = self.packagesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("MergeDialog", u"Song song", None))
        ___qtablewidgetitem5 = self.packagesTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("MergeDialog", u"Xung \u0111\u1ed9t", None))
        ___qtablewidgetitem6 = self.packagesTable.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("MergeDialog", u"Kh\u00f4ng \u0111\u1ed5i", None))
#if QT_CONFIG(accessibility)
        self.packagesTable.setAccessibleName(QCoreApplication.translate("MergeDialog", u"C\u00e1c g\u00f3i h\u1ee3p nh\u1ea5t", None))
#endif // QT_CONFIG(accessibility)
        self.lateCheck.setText(QCoreApplication.translate("MergeDialog", u"Ch\u1ea5p nh\u1eadn g\u00f3i n\u1ed9p &mu\u1ed9n ho\u1eb7c ngo\u00e0i giai \u0111o\u1ea1n, l\u00fd do:", None))
#if QT_CONFIG(accessibility)
        self.lateReason.setAccessibleName(QCoreApplication.translate("MergeDialog", u"L\u00fd do ch\u1ea5p nh\u1eadn n\u1ed9p mu\u1ed9n", None))
#endif // QT_CONFIG(accessibility)
        self.lateReason.setPlaceholderText(QCoreApplication.translate("MergeDialog", u"C\u0103n c\u1ee9 ch\u1ea5p nh\u1eadn (ghi v\u00e0o nh\u1eadt k\u00fd), v\u00ed d\u1ee5 c\u00f4ng v\u0103n xin gia h\u1ea1n", None))
        self.conflictsLabel.setText(QCoreApplication.translate("MergeDialog", u"Xung \u0111\u1ed9t", None))
        ___qtablewidgetitem7 = self.conflictsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("MergeDialog", u"Th\u00e0nh vi\u00ean", None))
        ___qtablewidgetitem8 = self.conflictsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("MergeDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtablewidgetitem9 = self.conflictsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("MergeDialog", u"Ti\u00eau ch\u00ed", None))
        ___qtablewidgetitem10 = self.conflictsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("MergeDialog", u"Ph\u1ea7n", None))
        ___qtablewidgetitem11 = self.conflictsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("MergeDialog", u"Gi\u00e1 tr\u1ecb g\u1ed1c", None))
        ___qtablewidgetitem12 = self.conflictsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("MergeDialog", u"T\u1ec7p ch\u00ednh (hi\u1ec7n t\u1ea1i)", None))
        ___qtablewidgetitem13 = self.conflictsTable.horizontalHeaderItem(6)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("MergeDialog", u"G\u00f3i c\u1ee7a th\u00e0nh vi\u00ean", None))
        ___qtablewidgetitem14 = self.conflictsTable.horizontalHeaderItem(7)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("MergeDialog", u"Ch\u1ecdn", None))
        ___qtablewidgetitem15 = self.conflictsTable.horizontalHeaderItem(8)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("MergeDialog", u"L\u00fd do", None))
#if QT_CONFIG(accessibility)
        self.conflictsTable.setAccessibleName(QCoreApplication.translate("MergeDialog", u"C\u00e1c xung \u0111\u1ed9t", None))
#endif // QT_CONFIG(accessibility)
        self.allLabel.setText(QCoreApplication.translate("MergeDialog", u"Cho m\u1ecdi xung \u0111\u1ed9t:", None))
        self.allChoice.setItemText(0, QCoreApplication.translate("MergeDialog", u"\u2014 ch\u1ecdn \u2014", None))
        self.allChoice.setItemText(1, QCoreApplication.translate("MergeDialog", u"Gi\u1eef t\u1ec7p ch\u00ednh", None))
        self.allChoice.setItemText(2, QCoreApplication.translate("MergeDialog", u"L\u1ea5y gi\u00e1 tr\u1ecb c\u1ee7a g\u00f3i", None))

#if QT_CONFIG(accessibility)
        self.allChoice.setAccessibleName(QCoreApplication.translate("MergeDialog", u"Ch\u1ecdn cho m\u1ecdi xung \u0111\u1ed9t", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.allReason.setAccessibleName(QCoreApplication.translate("MergeDialog", u"L\u00fd do chung cho m\u1ecdi xung \u0111\u1ed9t", None))
#endif // QT_CONFIG(accessibility)
        self.allReason.setPlaceholderText(QCoreApplication.translate("MergeDialog", u"L\u00fd do chung", None))
        self.fillButton.setText(QCoreApplication.translate("MergeDialog", u"\u0110i\u1ec1n cho c\u00e1c xung \u0111\u1ed9t c\u00f2n tr\u1ed1ng", None))
        self.undoLabel.setText(QCoreApplication.translate("MergeDialog", u"C\u1ea3 l\u1ea7n h\u1ee3p nh\u1ea5t l\u00e0 m\u1ed9t b\u01b0\u1edbc: ho\u00e0n t\u00e1c \u0111\u01b0\u1ee3c trong c\u1eeda s\u1ed5 ch\u00ednh (S\u1eeda \u203a Ho\u00e0n t\u00e1c).", None))
        self.exportButton.setText(QCoreApplication.translate("MergeDialog", u"Xu\u1ea5t b\u00e1o c\u00e1o &Excel\u2026", None))
        self.cancelButton.setText(QCoreApplication.translate("MergeDialog", u"D\u1eebng", None))
    # retranslateUi

