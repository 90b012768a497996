# Generated from forms/phase_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'phase_dialog.ui'
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
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_PhaseDialog(object):
    def setupUi(self, PhaseDialog):
        if not PhaseDialog.objectName():
            PhaseDialog.setObjectName(u"PhaseDialog")
        PhaseDialog.resize(720, 480)
        self.dialogLayout = QVBoxLayout(PhaseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.currentLabel = QLabel(PhaseDialog)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.currentLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.phaseCaption = QLabel(PhaseDialog)
        self.phaseCaption.setObjectName(u"phaseCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phaseCaption)

        self.phaseCombo = QComboBox(PhaseDialog)
        self.phaseCombo.setObjectName(u"phaseCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.phaseCombo)

        self.deadlineCheck = QCheckBox(PhaseDialog)
        self.deadlineCheck.setObjectName(u"deadlineCheck")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deadlineCheck)

        self.deadlineEdit = QDateEdit(PhaseDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setDisplayFormat(u"dd/MM/yyyy")
        self.deadlineEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.reasonCaption = QLabel(PhaseDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonEdit = QLineEdit(PhaseDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.dialogLayout.addLayout(self.form)

        self.historyTable = QTableWidget(PhaseDialog)
        if (self.historyTable.columnCount() < 5):
            self.historyTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setTabKeyNavigation(False)
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.dialogLayout.addWidget(self.historyTable)

        self.errorLabel = QLabel(PhaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PhaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.phaseCaption.setBuddy(self.phaseCombo)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.phaseCombo, self.deadlineCheck)
        QWidget.setTabOrder(self.deadlineCheck, self.deadlineEdit)
        QWidget.setTabOrder(self.deadlineEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.historyTable)

        self.retranslateUi(PhaseDialog)

        QMetaObject.connectSlotsByName(PhaseDialog)
    # setupUi

    def retranslateUi(self, PhaseDialog):
        PhaseDialog.setWindowTitle(QCoreApplication.translate("PhaseDialog", u"Giai \u0111o\u1ea1n c\u1ee7a k\u1ef3 \u0111\u00e1nh gi\u00e1", None))
        self.phaseCaption.setText(QCoreApplication.translate("PhaseDialog", u"&Chuy\u1ec3n sang:", None))
        self.deadlineCheck.setText(QCoreApplication.translate("PhaseDialog", u"C\u00f3 &h\u1ea1n:", None))
#if QT_CONFIG(accessibility)
        self.deadlineEdit.setAccessibleName(QCoreApplication.translate("PhaseDialog", u"H\u1ea1n c\u1ee7a giai \u0111o\u1ea1n", None))
#endif // QT_CONFIG(accessibility)
        self.reasonCaption.setText(QCoreApplication.translate("PhaseDialog", u"&L\u00fd do:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("PhaseDialog", u"B\u1eaft bu\u1ed9c khi m\u1edf l\u1ea1i giai \u0111o\u1ea1n tr\u01b0\u1edbc: c\u0103n c\u1ee9 (v\u0103n b\u1ea3n, k\u1ebft lu\u1eadn)", None))
        ___qtablewidgetitem = self.historyTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PhaseDialog", u"L\u00fac", None))
        ___qtablewidgetitem1 = self.historyTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PhaseDialog", u"Giai \u0111o\u1ea1n", None))
        ___qtablewidgetitem2 = self.historyTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("PhaseDialog", u"H\u1ea1n", None))
        ___qtablewidgetitem3 = self.historyTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("PhaseDialog", u"Ng\u01b0\u1eddi", None))
        ___qtablewidgetitem4 = self.historyTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("PhaseDialog", u"L\u00fd do", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("PhaseDialog", u"C\u00e1c giai \u0111o\u1ea1n \u0111\u00e3 qua", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

