# Generated from forms/sign_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QButtonGroup, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QRadioButton, QSizePolicy, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        SignDialog.resize(560, 320)
        SignDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(SignDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(SignDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.p12Radio = QRadioButton(SignDialog)
        self.keyGroup = QButtonGroup(SignDialog)
        self.keyGroup.setObjectName(u"keyGroup")
        self.keyGroup.addButton(self.p12Radio)
        self.p12Radio.setObjectName(u"p12Radio")

        self.dialogLayout.addWidget(self.p12Radio)

        self.p11Radio = QRadioButton(SignDialog)
        self.keyGroup.addButton(self.p11Radio)
        self.p11Radio.setObjectName(u"p11Radio")

        self.dialogLayout.addWidget(self.p11Radio)

        self.stack = QStackedWidget(SignDialog)
        self.stack.setObjectName(u"stack")
        self.p12Page = QWidget()
        self.p12Page.setObjectName(u"p12Page")
        self.p12Form = QFormLayout(self.p12Page)
        self.p12Form.setObjectName(u"p12Form")
        self.p12Form.setContentsMargins(0, 0, 0, 0)
        self.p12Label = QLabel(self.p12Page)
        self.p12Label.setObjectName(u"p12Label")

        self.p12Form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.p12Label)

        self.p12Row = QHBoxLayout()
        self.p12Row.setObjectName(u"p12Row")
        self.p12Edit = QLineEdit(self.p12Page)
        self.p12Edit.setObjectName(u"p12Edit")

        self.p12Row.addWidget(self.p12Edit)

        self.p12Browse = QPushButton(self.p12Page)
        self.p12Browse.setObjectName(u"p12Browse")

        self.p12Row.addWidget(self.p12Browse)

        self.p12Row.setStretch(0, 1)

        self.p12Form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.p12Row)

        self.passphraseLabel = QLabel(self.p12Page)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.p12Form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.p12Page)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.p12Form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.stack.addWidget(self.p12Page)
        self.p11Page = QWidget()
        self.p11Page.setObjectName(u"p11Page")
        self.p11Form = QFormLayout(self.p11Page)
        self.p11Form.setObjectName(u"p11Form")
        self.p11Form.setContentsMargins(0, 0, 0, 0)
        self.libraryLabel = QLabel(self.p11Page)
        self.libraryLabel.setObjectName(u"libraryLabel")

        self.p11Form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.libraryLabel)

        self.libraryRow = QHBoxLayout()
        self.libraryRow.setObjectName(u"libraryRow")
        self.libraryEdit = QLineEdit(self.p11Page)
        self.libraryEdit.setObjectName(u"libraryEdit")

        self.libraryRow.addWidget(self.libraryEdit)

        self.libraryBrowse = QPushButton(self.p11Page)
        self.libraryBrowse.setObjectName(u"libraryBrowse")

        self.libraryRow.addWidget(self.libraryBrowse)

        self.libraryRow.setStretch(0, 1)

        self.p11Form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.libraryRow)

        self.tokenLabel = QLabel(self.p11Page)
        self.tokenLabel.setObjectName(u"tokenLabel")

        self.p11Form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tokenLabel)

        self.tokenRow = QHBoxLayout()
        self.tokenRow.setObjectName(u"tokenRow")
        self.tokenCombo = QComboBox(self.p11Page)
        self.tokenCombo.setObjectName(u"tokenCombo")

        self.tokenRow.addWidget(self.tokenCombo)

        self.findButton = QPushButton(self.p11Page)
        self.findButton.setObjectName(u"findButton")

        self.tokenRow.addWidget(self.findButton)

        self.tokenRow.setStretch(0, 1)

        self.p11Form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.tokenRow)

        self.pinWarning = QLabel(self.p11Page)
        self.pinWarning.setObjectName(u"pinWarning")
        self.pinWarning.setVisible(False)
        self.pinWarning.setWordWrap(True)

        self.p11Form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.pinWarning)

        self.pinLabel = QLabel(self.p11Page)
        self.pinLabel.setObjectName(u"pinLabel")

        self.p11Form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(self.p11Page)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.p11Form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.stack.addWidget(self.p11Page)

        self.dialogLayout.addWidget(self.stack)

        self.lookBox = QGroupBox(SignDialog)
        self.lookBox.setObjectName(u"lookBox")
        self.lookForm = QFormLayout(self.lookBox)
        self.lookForm.setObjectName(u"lookForm")
        self.signatureLabel = QLabel(self.lookBox)
        self.signatureLabel.setObjectName(u"signatureLabel")

        self.lookForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signatureLabel)

        self.signatureRow = QHBoxLayout()
        self.signatureRow.setObjectName(u"signatureRow")
        self.signatureEdit = QLineEdit(self.lookBox)
        self.signatureEdit.setObjectName(u"signatureEdit")

        self.signatureRow.addWidget(self.signatureEdit)

        self.signatureBrowse = QPushButton(self.lookBox)
        self.signatureBrowse.setObjectName(u"signatureBrowse")

        self.signatureRow.addWidget(self.signatureBrowse)

        self.signatureRow.setStretch(0, 1)

        self.lookForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.signatureRow)

        self.sealLabel = QLabel(self.lookBox)
        self.sealLabel.setObjectName(u"sealLabel")

        self.lookForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sealLabel)

        self.sealRow = QHBoxLayout()
        self.sealRow.setObjectName(u"sealRow")
        self.sealEdit = QLineEdit(self.lookBox)
        self.sealEdit.setObjectName(u"sealEdit")

        self.sealRow.addWidget(self.sealEdit)

        self.sealBrowse = QPushButton(self.lookBox)
        self.sealBrowse.setObjectName(u"sealBrowse")

        self.sealRow.addWidget(self.sealBrowse)

        self.sealRow.setStretch(0, 1)

        self.lookForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.sealRow)


        self.dialogLayout.addWidget(self.lookBox)

        self.outForm = QFormLayout()
        self.outForm.setObjectName(u"outForm")
        self.trustLabel = QLabel(SignDialog)
        self.trustLabel.setObjectName(u"trustLabel")

        self.outForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.trustLabel)

        self.trustRow = QHBoxLayout()
        self.trustRow.setObjectName(u"trustRow")
        self.trustEdit = QLineEdit(SignDialog)
        self.trustEdit.setObjectName(u"trustEdit")

        self.trustRow.addWidget(self.trustEdit)

        self.trustBrowse = QPushButton(SignDialog)
        self.trustBrowse.setObjectName(u"trustBrowse")

        self.trustRow.addWidget(self.trustBrowse)

        self.trustRow.setStretch(0, 1)

        self.outForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.trustRow)

        self.outputLabel = QLabel(SignDialog)
        self.outputLabel.setObjectName(u"outputLabel")

        self.outForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outputLabel)

        self.outputRow = QHBoxLayout()
        self.outputRow.setObjectName(u"outputRow")
        self.outputEdit = QLineEdit(SignDialog)
        self.outputEdit.setObjectName(u"outputEdit")

        self.outputRow.addWidget(self.outputEdit)

        self.outputBrowse = QPushButton(SignDialog)
        self.outputBrowse.setObjectName(u"outputBrowse")

        self.outputRow.addWidget(self.outputBrowse)

        self.outputRow.setStretch(0, 1)

        self.outForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.outputRow)


        self.dialogLayout.addLayout(self.outForm)

        self.message = QLabel(SignDialog)
        self.message.setObjectName(u"message")
        self.message.setVisible(False)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.message)

        self.progress = QProgressBar(SignDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setVisible(False)
        self.progress.setMaximum(0)
        self.progress.setTextVisible(False)

        self.dialogLayout.addWidget(self.progress)

        self.buttonBox = QDialogButtonBox(SignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.p12Label.setBuddy(self.p12Edit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.libraryLabel.setBuddy(self.libraryEdit)
        self.tokenLabel.setBuddy(self.tokenCombo)
        self.pinLabel.setBuddy(self.pinEdit)
        self.signatureLabel.setBuddy(self.signatureEdit)
        self.sealLabel.setBuddy(self.sealEdit)
        self.trustLabel.setBuddy(self.trustEdit)
        self.outputLabel.setBuddy(self.outputEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.p12Radio, self.p11Radio)
        QWidget.setTabOrder(self.p11Radio, self.p12Edit)
        QWidget.setTabOrder(self.p12Edit, self.p12Browse)
        QWidget.setTabOrder(self.p12Browse, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.libraryEdit)
        QWidget.setTabOrder(self.libraryEdit, self.libraryBrowse)
        QWidget.setTabOrder(self.libraryBrowse, self.tokenCombo)
        QWidget.setTabOrder(self.tokenCombo, self.findButton)
        QWidget.setTabOrder(self.findButton, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.signatureEdit)
        QWidget.setTabOrder(self.signatureEdit, self.signatureBrowse)
        QWidget.setTabOrder(self.signatureBrowse, self.sealEdit)
        QWidget.setTabOrder(self.sealEdit, self.sealBrowse)
        QWidget.setTabOrder(self.sealBrowse, self.trustEdit)
        QWidget.setTabOrder(self.trustEdit, self.trustBrowse)
        QWidget.setTabOrder(self.trustBrowse, self.outputEdit)
        QWidget.setTabOrder(self.outputEdit, self.outputBrowse)

        self.retranslateUi(SignDialog)

        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"K\u00fd s\u1ed1 v\u0103n b\u1ea3n", None))
        self.p12Radio.setText(QCoreApplication.translate("SignDialog", u"T\u1ec7p kh\u00f3a &PKCS#12 (.p12, .pfx)", None))
        self.p11Radio.setText(QCoreApplication.translate("SignDialog", u"Thi\u1ebft b\u1ecb k\u00fd s\u1ed1 &USB (PKCS#11)", None))
        self.p12Label.setText(QCoreApplication.translate("SignDialog", u"&T\u1ec7p kh\u00f3a:", None))
        self.p12Edit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"T\u1ec7p .p12 ho\u1eb7c .pfx ch\u1ee9a kh\u00f3a v\u00e0 ch\u1ee9ng th\u01b0 s\u1ed1", None))
#if QT_CONFIG(accessibility)
        self.p12Browse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn t\u1ec7p kh\u00f3a", None))
#endif // QT_CONFIG(accessibility)
        self.p12Browse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
        self.passphraseLabel.setText(QCoreApplication.translate("SignDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.passphraseEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"Kh\u00f4ng l\u01b0u l\u1ea1i; \u0111\u1ec3 tr\u1ed1ng n\u1ebfu t\u1ec7p kh\u00f4ng c\u00f3 m\u1eadt kh\u1ea9u", None))
        self.libraryLabel.setText(QCoreApplication.translate("SignDialog", u"Th\u01b0 &vi\u1ec7n:", None))
        self.libraryEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"Th\u01b0 vi\u1ec7n PKCS#11 c\u1ee7a thi\u1ebft b\u1ecb (.so, .dll, .dylib)", None))
#if QT_CONFIG(accessibility)
        self.libraryBrowse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn th\u01b0 vi\u1ec7n PKCS#11", None))
#endif // QT_CONFIG(accessibility)
        self.libraryBrowse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
        self.tokenLabel.setText(QCoreApplication.translate("SignDialog", u"Thi\u1ebft &b\u1ecb:", None))
        self.findButton.setText(QCoreApplication.translate("SignDialog", u"T\u00ecm thi\u1ebft b\u1ecb", None))
        self.pinLabel.setText(QCoreApplication.translate("SignDialog", u"M\u00e3 P&IN:", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"Kh\u00f4ng l\u01b0u l\u1ea1i", None))
        self.lookBox.setTitle(QCoreApplication.translate("SignDialog", u"H\u00ecnh th\u1ee9c ch\u1eef k\u00fd (kh\u00f4ng b\u1eaft bu\u1ed9c)", None))
        self.signatureLabel.setText(QCoreApplication.translate("SignDialog", u"\u1ea2nh &ch\u1eef k\u00fd:", None))
        self.signatureEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"\u1ea2nh ch\u1eef k\u00fd (PNG, JPEG)", None))
#if QT_CONFIG(accessibility)
        self.signatureBrowse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn \u1ea3nh ch\u1eef k\u00fd", None))
#endif // QT_CONFIG(accessibility)
        self.signatureBrowse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
        self.sealLabel.setText(QCoreApplication.translate("SignDialog", u"\u1ea2nh con &d\u1ea5u:", None))
        self.sealEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"\u1ea2nh con d\u1ea5u (PNG, JPEG)", None))
#if QT_CONFIG(accessibility)
        self.sealBrowse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn \u1ea3nh con d\u1ea5u", None))
#endif // QT_CONFIG(accessibility)
        self.sealBrowse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
        self.trustLabel.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ee9ng th\u01b0 &g\u1ed1c tin c\u1eady:", None))
#if QT_CONFIG(tooltip)
        self.trustEdit.setToolTip(QCoreApplication.translate("SignDialog", u"T\u1ec7p ch\u1ee9ng th\u01b0 g\u1ed1c d\u00f9ng \u0111\u1ec3 ki\u1ec3m tra \u0111\u1ed9 tin c\u1eady c\u1ee7a ch\u1eef k\u00fd sau khi k\u00fd; nhi\u1ec1u t\u1ec7p c\u00e1ch nhau b\u1edfi d\u1ea5u ;", None))
#endif // QT_CONFIG(tooltip)
        self.trustEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"Kh\u00f4ng b\u1eaft bu\u1ed9c (PEM, DER; c\u00e1ch nhau b\u1edfi ;)", None))
#if QT_CONFIG(accessibility)
        self.trustBrowse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn ch\u1ee9ng th\u01b0 g\u1ed1c tin c\u1eady", None))
#endif // QT_CONFIG(accessibility)
        self.trustBrowse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
        self.outputLabel.setText(QCoreApplication.translate("SignDialog", u"&L\u01b0u b\u1ea3n \u0111\u00e3 k\u00fd:", None))
#if QT_CONFIG(accessibility)
        self.outputBrowse.setAccessibleName(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u b\u1ea3n \u0111\u00e3 k\u00fd", None))
#endif // QT_CONFIG(accessibility)
        self.outputBrowse.setText(QCoreApplication.translate("SignDialog", u"Ch\u1ecdn\u2026", None))
    # retranslateUi

