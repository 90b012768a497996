# Generated from forms/document_settings.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_DocumentSettingsDialog(object):
    def setupUi(self, DocumentSettingsDialog):
        if not DocumentSettingsDialog.objectName():
            DocumentSettingsDialog.setObjectName(u"DocumentSettingsDialog")
        DocumentSettingsDialog.resize(760, 620)
        self.dialogLayout = QVBoxLayout(DocumentSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.intro = QLabel(DocumentSettingsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialogLayout.addWidget(self.intro)

        self.tabs = QTabWidget(DocumentSettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.decisionTab = QWidget()
        self.decisionTab.setObjectName(u"decisionTab")
        self.decisionTabLayout = QVBoxLayout(self.decisionTab)
        self.decisionTabLayout.setObjectName(u"decisionTabLayout")
        self.decisionTabForm = QFormLayout()
        self.decisionTabForm.setObjectName(u"decisionTabForm")
        self.decisionTabForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.issuerParentLabel = QLabel(self.decisionTab)
        self.issuerParentLabel.setObjectName(u"issuerParentLabel")

        self.decisionTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.issuerParentLabel)

        self.issuerParentEdit = QLineEdit(self.decisionTab)
        self.issuerParentEdit.setObjectName(u"issuerParentEdit")

        self.decisionTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.issuerParentEdit)

        self.issuerLabel = QLabel(self.decisionTab)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.decisionTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(self.decisionTab)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.decisionTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.decisionNumberLabel = QLabel(self.decisionTab)
        self.decisionNumberLabel.setObjectName(u"decisionNumberLabel")

        self.decisionTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionNumberLabel)

        self.decisionNumberEdit = QLineEdit(self.decisionTab)
        self.decisionNumberEdit.setObjectName(u"decisionNumberEdit")

        self.decisionTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decisionNumberEdit)

        self.decisionDateLabel = QLabel(self.decisionTab)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.decisionTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.decisionDateLabel)

        self.decisionDateEdit = QLineEdit(self.decisionTab)
        self.decisionDateEdit.setObjectName(u"decisionDateEdit")

        self.decisionTabForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.decisionDateEdit)

        self.placeLabel = QLabel(self.decisionTab)
        self.placeLabel.setObjectName(u"placeLabel")

        self.decisionTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.decisionTab)
        self.placeEdit.setObjectName(u"placeEdit")

        self.decisionTabForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.signerAuthorityLabel = QLabel(self.decisionTab)
        self.signerAuthorityLabel.setObjectName(u"signerAuthorityLabel")

        self.decisionTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signerAuthorityLabel)

        self.signerAuthorityEdit = QPlainTextEdit(self.decisionTab)
        self.signerAuthorityEdit.setObjectName(u"signerAuthorityEdit")
        self.signerAuthorityEdit.setTabChangesFocus(True)
        self.signerAuthorityEdit.setMaximumSize(QSize(16777215, 110))

        self.decisionTabForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signerAuthorityEdit)

        self.signerTitleLabel = QLabel(self.decisionTab)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.decisionTabForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QLineEdit(self.decisionTab)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")

        self.decisionTabForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.signerNameLabel = QLabel(self.decisionTab)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.decisionTabForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(self.decisionTab)
        self.signerNameEdit.setObjectName(u"signerNameEdit")

        self.decisionTabForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.legalBasesLabel = QLabel(self.decisionTab)
        self.legalBasesLabel.setObjectName(u"legalBasesLabel")

        self.decisionTabForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.legalBasesLabel)

        self.legalBasesEdit = QPlainTextEdit(self.decisionTab)
        self.legalBasesEdit.setObjectName(u"legalBasesEdit")
        self.legalBasesEdit.setTabChangesFocus(True)
        self.legalBasesEdit.setMaximumSize(QSize(16777215, 110))

        self.decisionTabForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.legalBasesEdit)

        self.proposalLabel = QLabel(self.decisionTab)
        self.proposalLabel.setObjectName(u"proposalLabel")

        self.decisionTabForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.proposalLabel)

        self.proposalEdit = QLineEdit(self.decisionTab)
        self.proposalEdit.setObjectName(u"proposalEdit")

        self.decisionTabForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.proposalEdit)

        self.executorsLabel = QLabel(self.decisionTab)
        self.executorsLabel.setObjectName(u"executorsLabel")

        self.decisionTabForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.executorsLabel)

        self.executorsEdit = QLineEdit(self.decisionTab)
        self.executorsEdit.setObjectName(u"executorsEdit")

        self.decisionTabForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.executorsEdit)

        self.recipientsLabel = QLabel(self.decisionTab)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.decisionTabForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipientsEdit = QPlainTextEdit(self.decisionTab)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)
        self.recipientsEdit.setMaximumSize(QSize(16777215, 110))

        self.decisionTabForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.annexPerBlockCheck = QCheckBox(self.decisionTab)
        self.annexPerBlockCheck.setObjectName(u"annexPerBlockCheck")

        self.decisionTabForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.annexPerBlockCheck)


        self.decisionTabLayout.addLayout(self.decisionTabForm)

        self.tabs.addTab(self.decisionTab, "")
        self.noticeTab = QWidget()
        self.noticeTab.setObjectName(u"noticeTab")
        self.noticeTabLayout = QVBoxLayout(self.noticeTab)
        self.noticeTabLayout.setObjectName(u"noticeTabLayout")
        self.noticeTabForm = QFormLayout()
        self.noticeTabForm.setObjectName(u"noticeTabForm")
        self.noticeTabForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.noticeIssuerParentLabel = QLabel(self.noticeTab)
        self.noticeIssuerParentLabel.setObjectName(u"noticeIssuerParentLabel")

        self.noticeTabForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noticeIssuerParentLabel)

        self.noticeIssuerParentEdit = QLineEdit(self.noticeTab)
        self.noticeIssuerParentEdit.setObjectName(u"noticeIssuerParentEdit")

        self.noticeTabForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noticeIssuerParentEdit)

        self.noticeIssuerLabel = QLabel(self.noticeTab)
        self.noticeIssuerLabel.setObjectName(u"noticeIssuerLabel")

        self.noticeTabForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noticeIssuerLabel)

        self.noticeIssuerEdit = QLineEdit(self.noticeTab)
        self.noticeIssuerEdit.setObjectName(u"noticeIssuerEdit")

        self.noticeTabForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noticeIssuerEdit)

        self.noticeNumberLabel = QLabel(self.noticeTab)
        self.noticeNumberLabel.setObjectName(u"noticeNumberLabel")

        self.noticeTabForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noticeNumberLabel)

        self.noticeNumberEdit = QLineEdit(self.noticeTab)
        self.noticeNumberEdit.setObjectName(u"noticeNumberEdit")

        self.noticeTabForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noticeNumberEdit)

        self.noticeSignerAuthorityLabel = QLabel(self.noticeTab)
        self.noticeSignerAuthorityLabel.setObjectName(u"noticeSignerAuthorityLabel")

        self.noticeTabForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noticeSignerAuthorityLabel)

        self.noticeSignerAuthorityEdit = QPlainTextEdit(self.noticeTab)
        self.noticeSignerAuthorityEdit.setObjectName(u"noticeSignerAuthorityEdit")
        self.noticeSignerAuthorityEdit.setTabChangesFocus(True)
        self.noticeSignerAuthorityEdit.setMaximumSize(QSize(16777215, 110))

        self.noticeTabForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noticeSignerAuthorityEdit)

        self.noticeSignerTitleLabel = QLabel(self.noticeTab)
        self.noticeSignerTitleLabel.setObjectName(u"noticeSignerTitleLabel")

        self.noticeTabForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noticeSignerTitleLabel)

        self.noticeSignerTitleEdit = QLineEdit(self.noticeTab)
        self.noticeSignerTitleEdit.setObjectName(u"noticeSignerTitleEdit")

        self.noticeTabForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noticeSignerTitleEdit)

        self.noticeSignerNameLabel = QLabel(self.noticeTab)
        self.noticeSignerNameLabel.setObjectName(u"noticeSignerNameLabel")

        self.noticeTabForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noticeSignerNameLabel)

        self.noticeSignerNameEdit = QLineEdit(self.noticeTab)
        self.noticeSignerNameEdit.setObjectName(u"noticeSignerNameEdit")

        self.noticeTabForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noticeSignerNameEdit)


        self.noticeTabLayout.addLayout(self.noticeTabForm)

        self.tabs.addTab(self.noticeTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(DocumentSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DocumentSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.issuerParentLabel.setBuddy(self.issuerParentEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.decisionNumberLabel.setBuddy(self.decisionNumberEdit)
        self.decisionDateLabel.setBuddy(self.decisionDateEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.signerAuthorityLabel.setBuddy(self.signerAuthorityEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
        self.legalBasesLabel.setBuddy(self.legalBasesEdit)
        self.proposalLabel.setBuddy(self.proposalEdit)
        self.executorsLabel.setBuddy(self.executorsEdit)
        self.recipientsLabel.setBuddy(self.recipientsEdit)
        self.noticeIssuerParentLabel.setBuddy(self.noticeIssuerParentEdit)
        self.noticeIssuerLabel.setBuddy(self.noticeIssuerEdit)
        self.noticeNumberLabel.setBuddy(self.noticeNumberEdit)
        self.noticeSignerAuthorityLabel.setBuddy(self.noticeSignerAuthorityEdit)
        self.noticeSignerTitleLabel.setBuddy(self.noticeSignerTitleEdit)
        self.noticeSignerNameLabel.setBuddy(self.noticeSignerNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DocumentSettingsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DocumentSettingsDialog)
    # setupUi

    def retranslateUi(self, DocumentSettingsDialog):
        DocumentSettingsDialog.setWindowTitle(QCoreApplication.translate("DocumentSettingsDialog", u"Th\u00f4ng tin v\u0103n b\u1ea3n c\u00f4ng b\u1ed1", None))
        self.intro.setText(QCoreApplication.translate("DocumentSettingsDialog", u"Nh\u1eefng g\u00ec in tr\u00ean quy\u1ebft \u0111\u1ecbnh, c\u00e1c ph\u1ee5 l\u1ee5c v\u00e0 th\u00f4ng b\u00e1o k\u1ebft qu\u1ea3. \u00d4 \u0111\u1ec3 tr\u1ed1ng d\u00f9ng n\u1ed9i dung m\u1eb7c \u0111\u1ecbnh (ch\u1eef m\u1edd).", None))
        self.issuerParentLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C\u01a1 quan &ch\u1ee7 qu\u1ea3n:", None))
        self.issuerLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C\u01a1 quan &ban h\u00e0nh:", None))
        self.decisionNumberLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&S\u1ed1 quy\u1ebft \u0111\u1ecbnh:", None))
        self.decisionDateLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"Ng\u00e0&y k\u00fd:", None))
        self.placeLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"\u0110\u1ecba &danh:", None))
        self.signerAuthorityLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signerNameLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"H\u1ecd t\u00ean &ng\u01b0\u1eddi k\u00fd:", None))
        self.legalBasesLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C\u0103n c\u1ee9 &ph\u00e1p l\u00fd:", None))
        self.proposalLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"\u0110\u1ec1 n&gh\u1ecb:", None))
        self.executorsLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"Thi h\u00e0nh (\u0110i\u1ec1u &3):", None))
        self.recipientsLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"N\u01a1&i nh\u1eadn:", None))
        self.annexPerBlockCheck.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&M\u1ed7i kh\u1ed1i m\u1ed9t ph\u1ee5 l\u1ee5c x\u1ebfp h\u1ea1ng (kh\u00f4ng ch\u1ecdn: m\u1ed9t ph\u1ee5 l\u1ee5c, m\u1ed7i kh\u1ed1i m\u1ed9t m\u1ee5c)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.decisionTab), QCoreApplication.translate("DocumentSettingsDialog", u"&Quy\u1ebft \u0111\u1ecbnh v\u00e0 ph\u1ee5 l\u1ee5c", None))
        self.noticeIssuerParentLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C\u01a1 quan &ch\u1ee7 qu\u1ea3n:", None))
        self.noticeIssuerLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C\u01a1 quan th\u00f4ng &b\u00e1o:", None))
        self.noticeNumberLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&S\u1ed1 th\u00f4ng b\u00e1o:", None))
        self.noticeSignerAuthorityLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"&Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.noticeSignerTitleLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.noticeSignerNameLabel.setText(QCoreApplication.translate("DocumentSettingsDialog", u"H\u1ecd t\u00ean &ng\u01b0\u1eddi k\u00fd:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.noticeTab), QCoreApplication.translate("DocumentSettingsDialog", u"Th\u00f4ng b\u00e1o &k\u1ebft qu\u1ea3", None))
    # retranslateUi

