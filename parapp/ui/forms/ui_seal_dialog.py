# Generated from forms/seal_dialog.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'seal_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SealDialog(object):
    def setupUi(self, SealDialog):
        if not SealDialog.objectName():
            SealDialog.setObjectName(u"SealDialog")
        SealDialog.resize(640, 0)
        self.dialogLayout = QVBoxLayout(SealDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SealDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.gapsLabel = QLabel(SealDialog)
        self.gapsLabel.setObjectName(u"gapsLabel")
        self.gapsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.gapsLabel)

        self.gapsList = QListWidget(SealDialog)
        self.gapsList.setObjectName(u"gapsList")
        self.gapsList.setMaximumSize(QSize(16777215, 160))
        self.gapsList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.dialogLayout.addWidget(self.gapsList)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.keyLabel = QLabel(SealDialog)
        self.keyLabel.setObjectName(u"keyLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyColumn = QVBoxLayout()
        self.keyColumn.setObjectName(u"keyColumn")
        self.keyEdit = QLineEdit(SealDialog)
        self.keyEdit.setObjectName(u"keyEdit")

        self.keyColumn.addWidget(self.keyEdit)

        self.keyButtons = QHBoxLayout()
        self.keyButtons.setObjectName(u"keyButtons")
        self.browseButton = QPushButton(SealDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.keyButtons.addWidget(self.browseButton)

        self.newKeyButton = QPushButton(SealDialog)
        self.newKeyButton.setObjectName(u"newKeyButton")

        self.keyButtons.addWidget(self.newKeyButton)

        self.keyButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keyButtons.addItem(self.keyButtonsSpacer)

        self.keyButtons.setStretch(2, 1)

        self.keyColumn.addLayout(self.keyButtons)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.keyColumn)

        self.passLabel = QLabel(SealDialog)
        self.passLabel.setObjectName(u"passLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passLabel)

        self.passEdit = QLineEdit(SealDialog)
        self.passEdit.setObjectName(u"passEdit")
        self.passEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passEdit)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(SealDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SealDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.keyLabel.setBuddy(self.keyEdit)
        self.passLabel.setBuddy(self.passEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.keyEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.newKeyButton)
        QWidget.setTabOrder(self.newKeyButton, self.passEdit)

        self.retranslateUi(SealDialog)

        QMetaObject.connectSlotsByName(SealDialog)
    # setupUi

    def retranslateUi(self, SealDialog):
        SealDialog.setWindowTitle(QCoreApplication.translate("SealDialog", u"Ni\u00eam phong g\u00f3i \u0111\u1ec3 g\u1eedi T\u1ed5 th\u01b0 k\u00fd", None))
        self.keyLabel.setText(QCoreApplication.translate("SealDialog", u"&Kh\u00f3a ri\u00eang:", None))
        self.browseButton.setText(QCoreApplication.translate("SealDialog", u"Ch\u1ecdn t\u1ec7p kh\u00f3a kh\u00e1c\u2026", None))
        self.newKeyButton.setText(QCoreApplication.translate("SealDialog", u"T\u1ea1o kh\u00f3a m\u1edbi\u2026", None))
        self.passLabel.setText(QCoreApplication.translate("SealDialog", u"&M\u1eadt kh\u1ea9u c\u1ee7a kh\u00f3a:", None))
    # retranslateUi

