# Generated from forms/key_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'key_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_KeyDialog(object):
    def setupUi(self, KeyDialog):
        if not KeyDialog.objectName():
            KeyDialog.setObjectName(u"KeyDialog")
        KeyDialog.resize(640, 0)
        self.dialogLayout = QVBoxLayout(KeyDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formBox = QWidget(KeyDialog)
        self.formBox.setObjectName(u"formBox")
        self.formLayout = QVBoxLayout(self.formBox)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.introLabel = QLabel(self.formBox)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.formLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.pathLabel = QLabel(self.formBox)
        self.pathLabel.setObjectName(u"pathLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.pathEdit = QLineEdit(self.formBox)
        self.pathEdit.setObjectName(u"pathEdit")

        self.pathRow.addWidget(self.pathEdit)

        self.browseButton = QPushButton(self.formBox)
        self.browseButton.setObjectName(u"browseButton")

        self.pathRow.addWidget(self.browseButton)

        self.pathRow.setStretch(0, 1)

        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.pathRow)

        self.passLabel = QLabel(self.formBox)
        self.passLabel.setObjectName(u"passLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passLabel)

        self.passEdit = QLineEdit(self.formBox)
        self.passEdit.setObjectName(u"passEdit")
        self.passEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passEdit)

        self.repeatLabel = QLabel(self.formBox)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(self.formBox)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)


        self.formLayout.addLayout(self.form)

        self.errorLabel = QLabel(self.formBox)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.formLayout.addWidget(self.errorLabel)


        self.dialogLayout.addWidget(self.formBox)

        self.doneBox = QWidget(KeyDialog)
        self.doneBox.setObjectName(u"doneBox")
        self.doneBox.setVisible(False)
        self.doneLayout = QVBoxLayout(self.doneBox)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneLayout.setContentsMargins(0, 0, 0, 0)
        self.doneLabel = QLabel(self.doneBox)
        self.doneLabel.setObjectName(u"doneLabel")
        self.doneLabel.setWordWrap(True)

        self.doneLayout.addWidget(self.doneLabel)

        self.printRow = QHBoxLayout()
        self.printRow.setObjectName(u"printRow")
        self.printEdit = QLineEdit(self.doneBox)
        self.printEdit.setObjectName(u"printEdit")
        font = QFont()
        font.setFamilies([u"monospace"])
        self.printEdit.setFont(font)
        self.printEdit.setReadOnly(True)

        self.printRow.addWidget(self.printEdit)

        self.copyButton = QPushButton(self.doneBox)
        self.copyButton.setObjectName(u"copyButton")

        self.printRow.addWidget(self.copyButton)

        self.printRow.setStretch(0, 1)

        self.doneLayout.addLayout(self.printRow)


        self.dialogLayout.addWidget(self.doneBox)

        self.buttonBox = QDialogButtonBox(KeyDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pathLabel.setBuddy(self.pathEdit)
        self.passLabel.setBuddy(self.passEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pathEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.passEdit)
        QWidget.setTabOrder(self.passEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.printEdit)
        QWidget.setTabOrder(self.printEdit, self.copyButton)

        self.retranslateUi(KeyDialog)

        QMetaObject.connectSlotsByName(KeyDialog)
    # setupUi

    def retranslateUi(self, KeyDialog):
        self.introLabel.setText(QCoreApplication.translate("KeyDialog", u"Kh\u00f3a ri\u00eang d\u00f9ng \u0111\u1ec3 ni\u00eam phong c\u00e1c g\u00f3i b\u1ea1n g\u1eedi l\u1ea1i T\u1ed5 th\u01b0 k\u00fd; n\u00f3 \u1edf l\u1ea1i tr\u00ean m\u00e1y n\u00e0y. N\u00ean \u0111\u1eb7t m\u1eadt kh\u1ea9u cho kh\u00f3a (\u0111\u1ec3 tr\u1ed1ng: kh\u00f4ng \u0111\u1eb7t).", None))
        self.pathLabel.setText(QCoreApplication.translate("KeyDialog", u"T\u1ec7&p kh\u00f3a:", None))
        self.browseButton.setText(QCoreApplication.translate("KeyDialog", u"Ch\u1ecdn n\u01a1i l\u01b0u\u2026", None))
        self.passLabel.setText(QCoreApplication.translate("KeyDialog", u"&M\u1eadt kh\u1ea9u:", None))
        self.repeatLabel.setText(QCoreApplication.translate("KeyDialog", u"&Nh\u1eadp l\u1ea1i m\u1eadt kh\u1ea9u:", None))
        self.copyButton.setText(QCoreApplication.translate("KeyDialog", u"&Sao ch\u00e9p", None))
        pass
    # retranslateUi

