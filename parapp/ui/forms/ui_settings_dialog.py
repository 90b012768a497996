# Generated from forms/settings_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QButtonGroup,
    QCheckBox, QComboBox, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(1040, 560)
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.rankingBox = QGroupBox(SettingsDialog)
        self.rankingBox.setObjectName(u"rankingBox")
        self.rankingLayout = QVBoxLayout(self.rankingBox)
        self.rankingLayout.setObjectName(u"rankingLayout")
        self.sharedRadio = QRadioButton(self.rankingBox)
        self.policyGroup = QButtonGroup(SettingsDialog)
        self.policyGroup.setObjectName(u"policyGroup")
        self.policyGroup.addButton(self.sharedRadio)
        self.sharedRadio.setObjectName(u"sharedRadio")

        self.rankingLayout.addWidget(self.sharedRadio)

        self.sharedDisplayRadio = QRadioButton(self.rankingBox)
        self.policyGroup.addButton(self.sharedDisplayRadio)
        self.sharedDisplayRadio.setObjectName(u"sharedDisplayRadio")

        self.rankingLayout.addWidget(self.sharedDisplayRadio)

        self.breakRadio = QRadioButton(self.rankingBox)
        self.policyGroup.addButton(self.breakRadio)
        self.breakRadio.setObjectName(u"breakRadio")

        self.rankingLayout.addWidget(self.breakRadio)

        self.tiePolicyError = QLabel(self.rankingBox)
        self.tiePolicyError.setObjectName(u"tiePolicyError")
        self.tiePolicyError.setVisible(False)
        self.tiePolicyError.setWordWrap(True)
        self.tiePolicyError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rankingLayout.addWidget(self.tiePolicyError)

        self.breakersCaption = QLabel(self.rankingBox)
        self.breakersCaption.setObjectName(u"breakersCaption")

        self.rankingLayout.addWidget(self.breakersCaption)

        self.breakersRow = QHBoxLayout()
        self.breakersRow.setObjectName(u"breakersRow")
        self.breakersList = QListWidget(self.rankingBox)
        self.breakersList.setObjectName(u"breakersList")
        self.breakersList.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.breakersList.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.breakersList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.breakersList.setSpacing(2)

        self.breakersRow.addWidget(self.breakersList)

        self.moveButtons = QVBoxLayout()
        self.moveButtons.setObjectName(u"moveButtons")
        self.upButton = QPushButton(self.rankingBox)
        self.upButton.setObjectName(u"upButton")

        self.moveButtons.addWidget(self.upButton)

        self.downButton = QPushButton(self.rankingBox)
        self.downButton.setObjectName(u"downButton")

        self.moveButtons.addWidget(self.downButton)

        self.moveButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moveButtons.addItem(self.moveButtonsSpacer)


        self.breakersRow.addLayout(self.moveButtons)

        self.breakersRow.setStretch(0, 1)

        self.rankingLayout.addLayout(self.breakersRow)

        self.breakersHint = QLabel(self.rankingBox)
        self.breakersHint.setObjectName(u"breakersHint")
        self.breakersHint.setWordWrap(True)

        self.rankingLayout.addWidget(self.breakersHint)

        self.breakersNote = QLabel(self.rankingBox)
        self.breakersNote.setObjectName(u"breakersNote")
        self.breakersNote.setWordWrap(True)

        self.rankingLayout.addWidget(self.breakersNote)

        self.tieBreakersError = QLabel(self.rankingBox)
        self.tieBreakersError.setObjectName(u"tieBreakersError")
        self.tieBreakersError.setVisible(False)
        self.tieBreakersError.setWordWrap(True)
        self.tieBreakersError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rankingLayout.addWidget(self.tieBreakersError)


        self.leftColumn.addWidget(self.rankingBox)

        self.scoresBox = QGroupBox(SettingsDialog)
        self.scoresBox.setObjectName(u"scoresBox")
        self.scoresLayout = QFormLayout(self.scoresBox)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.decimalsLabel = QLabel(self.scoresBox)
        self.decimalsLabel.setObjectName(u"decimalsLabel")

        self.scoresLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decimalsLabel)

        self.decimalsCombo = QComboBox(self.scoresBox)
        self.decimalsCombo.setObjectName(u"decimalsCombo")

        self.scoresLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decimalsCombo)

        self.displayDecimalsError = QLabel(self.scoresBox)
        self.displayDecimalsError.setObjectName(u"displayDecimalsError")
        self.displayDecimalsError.setVisible(False)
        self.displayDecimalsError.setWordWrap(True)
        self.displayDecimalsError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.displayDecimalsError)

        self.bonusCapLabel = QLabel(self.scoresBox)
        self.bonusCapLabel.setObjectName(u"bonusCapLabel")

        self.scoresLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bonusCapLabel)

        self.bonusCapEdit = QLineEdit(self.scoresBox)
        self.bonusCapEdit.setObjectName(u"bonusCapEdit")
        self.bonusCapEdit.setClearButtonEnabled(True)

        self.scoresLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bonusCapEdit)

        self.bonusCapError = QLabel(self.scoresBox)
        self.bonusCapError.setObjectName(u"bonusCapError")
        self.bonusCapError.setVisible(False)
        self.bonusCapError.setWordWrap(True)
        self.bonusCapError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.bonusCapError)

        self.penaltyCapLabel = QLabel(self.scoresBox)
        self.penaltyCapLabel.setObjectName(u"penaltyCapLabel")

        self.scoresLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.penaltyCapLabel)

        self.penaltyCapEdit = QLineEdit(self.scoresBox)
        self.penaltyCapEdit.setObjectName(u"penaltyCapEdit")
        self.penaltyCapEdit.setClearButtonEnabled(True)

        self.scoresLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.penaltyCapEdit)

        self.penaltyCapError = QLabel(self.scoresBox)
        self.penaltyCapError.setObjectName(u"penaltyCapError")
        self.penaltyCapError.setVisible(False)
        self.penaltyCapError.setWordWrap(True)
        self.penaltyCapError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.penaltyCapError)

        self.clampCheck = QCheckBox(self.scoresBox)
        self.clampCheck.setObjectName(u"clampCheck")

        self.scoresLayout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.clampCheck)

        self.clampIndexError = QLabel(self.scoresBox)
        self.clampIndexError.setObjectName(u"clampIndexError")
        self.clampIndexError.setVisible(False)
        self.clampIndexError.setWordWrap(True)
        self.clampIndexError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.clampIndexError)

        self.aboveSelfCheck = QCheckBox(self.scoresBox)
        self.aboveSelfCheck.setObjectName(u"aboveSelfCheck")

        self.scoresLayout.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.aboveSelfCheck)

        self.aboveSelfError = QLabel(self.scoresBox)
        self.aboveSelfError.setObjectName(u"aboveSelfError")
        self.aboveSelfError.setVisible(False)
        self.aboveSelfError.setWordWrap(True)
        self.aboveSelfError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.aboveSelfError)

        self.roundingLabel = QLabel(self.scoresBox)
        self.roundingLabel.setObjectName(u"roundingLabel")

        self.scoresLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.roundingLabel)

        self.roundingCombo = QComboBox(self.scoresBox)
        self.roundingCombo.setObjectName(u"roundingCombo")

        self.scoresLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.roundingCombo)

        self.roundingError = QLabel(self.scoresBox)
        self.roundingError.setObjectName(u"roundingError")
        self.roundingError.setVisible(False)
        self.roundingError.setWordWrap(True)
        self.roundingError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scoresLayout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.roundingError)


        self.leftColumn.addWidget(self.scoresBox)

        self.leftColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftColumnSpacer)

        self.leftColumn.setStretch(2, 1)

        self.columns.addLayout(self.leftColumn)

        self.classificationBox = QGroupBox(SettingsDialog)
        self.classificationBox.setObjectName(u"classificationBox")
        self.classificationLayout = QVBoxLayout(self.classificationBox)
        self.classificationLayout.setObjectName(u"classificationLayout")
        self.classificationCombo = QComboBox(self.classificationBox)
        self.classificationCombo.setObjectName(u"classificationCombo")
        self.classificationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.classificationLayout.addWidget(self.classificationCombo)

        self.rulesCaption = QLabel(self.classificationBox)
        self.rulesCaption.setObjectName(u"rulesCaption")

        self.classificationLayout.addWidget(self.rulesCaption)

        self.rulesEdit = QPlainTextEdit(self.classificationBox)
        self.rulesEdit.setObjectName(u"rulesEdit")
        self.rulesEdit.setTabChangesFocus(True)
        self.rulesEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.rulesEdit.setPlaceholderText(u"[{\"grade\": \"xuat_sac\", \"min_index\": \"90\"}, \u2026]")

        self.classificationLayout.addWidget(self.rulesEdit)

        self.rulesLabel = QLabel(self.classificationBox)
        self.rulesLabel.setObjectName(u"rulesLabel")
        self.rulesLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.rulesLabel.setWordWrap(True)
        self.rulesLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.classificationLayout.addWidget(self.rulesLabel)

        self.rulesHint = QLabel(self.classificationBox)
        self.rulesHint.setObjectName(u"rulesHint")
        self.rulesHint.setWordWrap(True)

        self.classificationLayout.addWidget(self.rulesHint)

        self.classificationError = QLabel(self.classificationBox)
        self.classificationError.setObjectName(u"classificationError")
        self.classificationError.setVisible(False)
        self.classificationError.setWordWrap(True)
        self.classificationError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.classificationLayout.addWidget(self.classificationError)

        self.tenureLayout = QHBoxLayout()
        self.tenureLayout.setObjectName(u"tenureLayout")
        self.tenureCaption = QLabel(self.classificationBox)
        self.tenureCaption.setObjectName(u"tenureCaption")

        self.tenureLayout.addWidget(self.tenureCaption)

        self.tenureSpin = QSpinBox(self.classificationBox)
        self.tenureSpin.setObjectName(u"tenureSpin")
        self.tenureSpin.setMaximum(12)

        self.tenureLayout.addWidget(self.tenureSpin)

        self.tenureTail = QLabel(self.classificationBox)
        self.tenureTail.setObjectName(u"tenureTail")

        self.tenureLayout.addWidget(self.tenureTail)

        self.tenureSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tenureLayout.addItem(self.tenureSpacer)


        self.classificationLayout.addLayout(self.tenureLayout)

        self.tenureError = QLabel(self.classificationBox)
        self.tenureError.setObjectName(u"tenureError")
        self.tenureError.setVisible(False)
        self.tenureError.setWordWrap(True)

        self.classificationLayout.addWidget(self.tenureError)

        self.rulesRoom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.classificationLayout.addItem(self.rulesRoom)

        self.classificationLayout.setStretch(2, 1)

        self.columns.addWidget(self.classificationBox)

        self.columns.setStretch(0, 2)
        self.columns.setStretch(1, 3)

        self.dialogLayout.addLayout(self.columns)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok|QDialogButtonBox.StandardButton.RestoreDefaults)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.breakersCaption.setBuddy(self.breakersList)
        self.decimalsLabel.setBuddy(self.decimalsCombo)
        self.bonusCapLabel.setBuddy(self.bonusCapEdit)
        self.penaltyCapLabel.setBuddy(self.penaltyCapEdit)
        self.roundingLabel.setBuddy(self.roundingCombo)
        self.rulesCaption.setBuddy(self.rulesEdit)
        self.tenureCaption.setBuddy(self.tenureSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sharedRadio, self.sharedDisplayRadio)
        QWidget.setTabOrder(self.sharedDisplayRadio, self.breakRadio)
        QWidget.setTabOrder(self.breakRadio, self.breakersList)
        QWidget.setTabOrder(self.breakersList, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.decimalsCombo)
        QWidget.setTabOrder(self.decimalsCombo, self.bonusCapEdit)
        QWidget.setTabOrder(self.bonusCapEdit, self.penaltyCapEdit)
        QWidget.setTabOrder(self.penaltyCapEdit, self.clampCheck)
        QWidget.setTabOrder(self.clampCheck, self.aboveSelfCheck)
        QWidget.setTabOrder(self.aboveSelfCheck, self.roundingCombo)
        QWidget.setTabOrder(self.roundingCombo, self.classificationCombo)
        QWidget.setTabOrder(self.classificationCombo, self.rulesEdit)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Thi\u1ebft l\u1eadp x\u1ebfp h\u1ea1ng v\u00e0 x\u1ebfp lo\u1ea1i", None))
        self.rankingBox.setTitle(QCoreApplication.translate("SettingsDialog", u"X\u1ebfp h\u1ea1ng khi b\u1eb1ng ch\u1ec9 s\u1ed1", None))
        self.sharedRadio.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u1ed3ng &h\u1ea1ng (1, 2, 2, 4)", None))
        self.sharedDisplayRadio.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u1ed3ng h\u1ea1ng &khi b\u1eb1ng nhau \u1edf s\u1ed1 c\u00f4ng b\u1ed1", None))
        self.breakRadio.setText(QCoreApplication.translate("SettingsDialog", u"&Ph\u00e2n \u0111\u1ecbnh theo ti\u00eau ch\u00ed ph\u1ee5", None))
        self.breakersCaption.setText(QCoreApplication.translate("SettingsDialog", u"&Ti\u00eau ch\u00ed ph\u1ee5, theo th\u1ee9 t\u1ef1 \u01b0u ti\u00ean:", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u01afu ti\u00ean ti\u00eau ch\u00ed ph\u1ee5 \u0111ang ch\u1ecdn h\u01a1n", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("SettingsDialog", u"&L\u00ean", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u01afu ti\u00ean ti\u00eau ch\u00ed ph\u1ee5 \u0111ang ch\u1ecdn k\u00e9m h\u01a1n", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("SettingsDialog", u"&Xu\u1ed1ng", None))
        self.breakersHint.setText(QCoreApplication.translate("SettingsDialog", u"\u0110\u00e1nh d\u1ea5u c\u00e1c ti\u00eau ch\u00ed ph\u1ee5 d\u00f9ng \u0111\u1ec3 ph\u00e2n \u0111\u1ecbnh; k\u00e9o th\u1ea3 ho\u1eb7c d\u00f9ng n\u00fat L\u00ean, Xu\u1ed1ng \u0111\u1ec3 \u0111\u1ed5i th\u1ee9 t\u1ef1 \u01b0u ti\u00ean.", None))
        self.scoresBox.setTitle(QCoreApplication.translate("SettingsDialog", u"T\u00ednh \u0111i\u1ec3m v\u00e0 hi\u1ec3n th\u1ecb", None))
        self.decimalsLabel.setText(QCoreApplication.translate("SettingsDialog", u"&S\u1ed1 ch\u1eef s\u1ed1 th\u1eadp ph\u00e2n:", None))
        self.bonusCapLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u0110i\u1ec3m th\u01b0\u1edfng t\u1ed1i \u0111&a:", None))
        self.bonusCapEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"kh\u00f4ng gi\u1edbi h\u1ea1n", None))
        self.penaltyCapLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u0110i\u1ec3m t&r\u1eeb t\u1ed1i \u0111a:", None))
        self.penaltyCapEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"kh\u00f4ng gi\u1edbi h\u1ea1n", None))
        self.clampCheck.setText(QCoreApplication.translate("SettingsDialog", u"&Gi\u1edbi h\u1ea1n ch\u1ec9 s\u1ed1 trong kho\u1ea3ng 0\u2026100%", None))
        self.aboveSelfCheck.setText(QCoreApplication.translate("SettingsDialog", u"Ch&o ph\u00e9p \u0111i\u1ec3m th\u1ea9m \u0111\u1ecbnh cao h\u01a1n \u0111i\u1ec3m t\u1ef1 \u0111\u00e1nh gi\u00e1 (ch\u1ec9 c\u1ea3nh b\u00e1o)", None))
        self.roundingLabel.setText(QCoreApplication.translate("SettingsDialog", u"S\u1ed1 li\u1ec7u &c\u00f4ng b\u1ed1:", None))
        self.classificationBox.setTitle(QCoreApplication.translate("SettingsDialog", u"X\u1ebfp lo\u1ea1i &ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u", None))
#if QT_CONFIG(accessibility)
        self.classificationCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Quy t\u1eafc x\u1ebfp lo\u1ea1i ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u", None))
#endif // QT_CONFIG(accessibility)
        self.rulesCaption.setText(QCoreApplication.translate("SettingsDialog", u"&Quy t\u1eafc, x\u00e9t l\u1ea7n l\u01b0\u1ee3t t\u1eeb tr\u00ean xu\u1ed1ng:", None))
        self.tenureCaption.setText(QCoreApplication.translate("SettingsDialog", u"Kh\u00f4ng x\u1ebfp lo\u1ea1i ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u gi\u1eef ch\u1ee9c v\u1ee5 &d\u01b0\u1edbi", None))
        self.tenureSpin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", u"\u2014 (kh\u00f4ng \u00e1p d\u1ee5ng)", None))
        self.tenureSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" th\u00e1ng", None))
        self.tenureTail.setText(QCoreApplication.translate("SettingsDialog", u"trong n\u0103m", None))
    # retranslateUi

