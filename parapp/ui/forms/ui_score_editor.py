# Generated from forms/score_editor.ui by scripts/build_forms.py — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'score_editor.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_ScoreEditor(object):
    def setupUi(self, ScoreEditor):
        if not ScoreEditor.objectName():
            ScoreEditor.setObjectName(u"ScoreEditor")
        ScoreEditor.resize(560, 720)
        self.editorLayout = QVBoxLayout(ScoreEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.titleLabel = QLabel(ScoreEditor)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorLayout.addWidget(self.titleLabel)

        self.metaLabel = QLabel(ScoreEditor)
        self.metaLabel.setObjectName(u"metaLabel")
        self.metaLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.metaLabel)

        self.guidanceLabel = QLabel(ScoreEditor)
        self.guidanceLabel.setObjectName(u"guidanceLabel")
        self.guidanceLabel.setVisible(False)
        self.guidanceLabel.setTextFormat(Qt.TextFormat.RichText)
        self.guidanceLabel.setWordWrap(True)
        self.guidanceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorLayout.addWidget(self.guidanceLabel)

        self.infoLabel = QLabel(ScoreEditor)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setVisible(False)
        self.infoLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorLayout.addWidget(self.infoLabel)

        self.splitter = QSplitter(ScoreEditor)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.sidesPane = QWidget(self.splitter)
        self.sidesPane.setObjectName(u"sidesPane")
        self.sidesLayout = QHBoxLayout(self.sidesPane)
        self.sidesLayout.setObjectName(u"sidesLayout")
        self.sidesLayout.setContentsMargins(0, 0, 0, 0)
        self.selfBox = QGroupBox(self.sidesPane)
        self.selfBox.setObjectName(u"selfBox")
        self.selfLayout = QVBoxLayout(self.selfBox)
        self.selfLayout.setObjectName(u"selfLayout")
        self.selfScoreLabel = QLabel(self.selfBox)
        self.selfScoreLabel.setObjectName(u"selfScoreLabel")

        self.selfLayout.addWidget(self.selfScoreLabel)

        self.selfScoreRow = QHBoxLayout()
        self.selfScoreRow.setObjectName(u"selfScoreRow")
        self.selfScoreEdit = QLineEdit(self.selfBox)
        self.selfScoreEdit.setObjectName(u"selfScoreEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.selfScoreEdit.sizePolicy().hasHeightForWidth())
        self.selfScoreEdit.setSizePolicy(sizePolicy)
        self.selfScoreEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.selfScoreRow.addWidget(self.selfScoreEdit)

        self.selfMaxLabel = QLabel(self.selfBox)
        self.selfMaxLabel.setObjectName(u"selfMaxLabel")

        self.selfScoreRow.addWidget(self.selfMaxLabel)

        self.selfScoreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selfScoreRow.addItem(self.selfScoreSpacer)

        self.selfScoreRow.setStretch(2, 1)

        self.selfLayout.addLayout(self.selfScoreRow)

        self.selfFigureRow = QHBoxLayout()
        self.selfFigureRow.setObjectName(u"selfFigureRow")
        self.selfFigureLabel = QLabel(self.selfBox)
        self.selfFigureLabel.setObjectName(u"selfFigureLabel")

        self.selfFigureRow.addWidget(self.selfFigureLabel)

        self.selfFigureEdit = QLineEdit(self.selfBox)
        self.selfFigureEdit.setObjectName(u"selfFigureEdit")

        self.selfFigureRow.addWidget(self.selfFigureEdit)

        self.selfFigureRow.setStretch(1, 1)

        self.selfLayout.addLayout(self.selfFigureRow)

        self.expectedRow = QHBoxLayout()
        self.expectedRow.setObjectName(u"expectedRow")
        self.expectedLabel = QLabel(self.selfBox)
        self.expectedLabel.setObjectName(u"expectedLabel")

        self.expectedRow.addWidget(self.expectedLabel)

        self.expectedEdit = QLineEdit(self.selfBox)
        self.expectedEdit.setObjectName(u"expectedEdit")
        sizePolicy.setHeightForWidth(self.expectedEdit.sizePolicy().hasHeightForWidth())
        self.expectedEdit.setSizePolicy(sizePolicy)
        self.expectedEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.expectedRow.addWidget(self.expectedEdit)

        self.expectedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.expectedRow.addItem(self.expectedSpacer)

        self.expectedRow.setStretch(2, 1)

        self.selfLayout.addLayout(self.expectedRow)

        self.selfErrorLabel = QLabel(self.selfBox)
        self.selfErrorLabel.setObjectName(u"selfErrorLabel")
        self.selfErrorLabel.setVisible(False)
        self.selfErrorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.selfErrorLabel.setWordWrap(True)
        self.selfErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.selfLayout.addWidget(self.selfErrorLabel)

        self.expectedErrorLabel = QLabel(self.selfBox)
        self.expectedErrorLabel.setObjectName(u"expectedErrorLabel")
        self.expectedErrorLabel.setVisible(False)
        self.expectedErrorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.expectedErrorLabel.setWordWrap(True)
        self.expectedErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.selfLayout.addWidget(self.expectedErrorLabel)

        self.explanationLabel = QLabel(self.selfBox)
        self.explanationLabel.setObjectName(u"explanationLabel")

        self.selfLayout.addWidget(self.explanationLabel)

        self.explanationEdit = QPlainTextEdit(self.selfBox)
        self.explanationEdit.setObjectName(u"explanationEdit")
        self.explanationEdit.setTabChangesFocus(True)

        self.selfLayout.addWidget(self.explanationEdit)

        self.explanationErrorLabel = QLabel(self.selfBox)
        self.explanationErrorLabel.setObjectName(u"explanationErrorLabel")
        self.explanationErrorLabel.setVisible(False)
        self.explanationErrorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.explanationErrorLabel.setWordWrap(True)
        self.explanationErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.selfLayout.addWidget(self.explanationErrorLabel)

        self.explanation2Label = QLabel(self.selfBox)
        self.explanation2Label.setObjectName(u"explanation2Label")
        self.explanation2Label.setVisible(False)
        self.explanation2Label.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation2Label.setWordWrap(True)
        self.explanation2Label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.selfLayout.addWidget(self.explanation2Label)

        self.selfLayout.setStretch(7, 1)

        self.sidesLayout.addWidget(self.selfBox)

        self.appraisalBox = QGroupBox(self.sidesPane)
        self.appraisalBox.setObjectName(u"appraisalBox")
        self.appraisalLayout = QVBoxLayout(self.appraisalBox)
        self.appraisalLayout.setObjectName(u"appraisalLayout")
        self.appraisalScoreLabel = QLabel(self.appraisalBox)
        self.appraisalScoreLabel.setObjectName(u"appraisalScoreLabel")

        self.appraisalLayout.addWidget(self.appraisalScoreLabel)

        self.appraisalScoreRow = QHBoxLayout()
        self.appraisalScoreRow.setObjectName(u"appraisalScoreRow")
        self.appraisalScoreEdit = QLineEdit(self.appraisalBox)
        self.appraisalScoreEdit.setObjectName(u"appraisalScoreEdit")
        sizePolicy.setHeightForWidth(self.appraisalScoreEdit.sizePolicy().hasHeightForWidth())
        self.appraisalScoreEdit.setSizePolicy(sizePolicy)
        self.appraisalScoreEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.appraisalScoreRow.addWidget(self.appraisalScoreEdit)

        self.appraisalMaxLabel = QLabel(self.appraisalBox)
        self.appraisalMaxLabel.setObjectName(u"appraisalMaxLabel")

        self.appraisalScoreRow.addWidget(self.appraisalMaxLabel)

        self.appraisalScoreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.appraisalScoreRow.addItem(self.appraisalScoreSpacer)

        self.appraisalScoreRow.setStretch(2, 1)

        self.appraisalLayout.addLayout(self.appraisalScoreRow)

        self.appraisalFigureRow = QHBoxLayout()
        self.appraisalFigureRow.setObjectName(u"appraisalFigureRow")
        self.appraisalFigureLabel = QLabel(self.appraisalBox)
        self.appraisalFigureLabel.setObjectName(u"appraisalFigureLabel")

        self.appraisalFigureRow.addWidget(self.appraisalFigureLabel)

        self.appraisalFigureEdit = QLineEdit(self.appraisalBox)
        self.appraisalFigureEdit.setObjectName(u"appraisalFigureEdit")

        self.appraisalFigureRow.addWidget(self.appraisalFigureEdit)

        self.appraisalFigureRow.setStretch(1, 1)

        self.appraisalLayout.addLayout(self.appraisalFigureRow)

        self.appraisalErrorLabel = QLabel(self.appraisalBox)
        self.appraisalErrorLabel.setObjectName(u"appraisalErrorLabel")
        self.appraisalErrorLabel.setVisible(False)
        self.appraisalErrorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.appraisalErrorLabel.setWordWrap(True)
        self.appraisalErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appraisalLayout.addWidget(self.appraisalErrorLabel)

        self.aboveSelfWarningLabel = QLabel(self.appraisalBox)
        self.aboveSelfWarningLabel.setObjectName(u"aboveSelfWarningLabel")
        self.aboveSelfWarningLabel.setVisible(False)
        self.aboveSelfWarningLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.aboveSelfWarningLabel.setWordWrap(True)
        self.aboveSelfWarningLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appraisalLayout.addWidget(self.aboveSelfWarningLabel)

        self.appraisalNoteLabel = QLabel(self.appraisalBox)
        self.appraisalNoteLabel.setObjectName(u"appraisalNoteLabel")

        self.appraisalLayout.addWidget(self.appraisalNoteLabel)

        self.appraisalNoteEdit = QPlainTextEdit(self.appraisalBox)
        self.appraisalNoteEdit.setObjectName(u"appraisalNoteEdit")
        self.appraisalNoteEdit.setTabChangesFocus(True)

        self.appraisalLayout.addWidget(self.appraisalNoteEdit)

        self.reasonHintLabel = QLabel(self.appraisalBox)
        self.reasonHintLabel.setObjectName(u"reasonHintLabel")
        self.reasonHintLabel.setVisible(False)
        self.reasonHintLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.reasonHintLabel.setWordWrap(True)
        self.reasonHintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appraisalLayout.addWidget(self.reasonHintLabel)

        self.noteErrorLabel = QLabel(self.appraisalBox)
        self.noteErrorLabel.setObjectName(u"noteErrorLabel")
        self.noteErrorLabel.setVisible(False)
        self.noteErrorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.noteErrorLabel.setWordWrap(True)
        self.noteErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appraisalLayout.addWidget(self.noteErrorLabel)

        self.round2Label = QLabel(self.appraisalBox)
        self.round2Label.setObjectName(u"round2Label")
        self.round2Label.setVisible(False)
        self.round2Label.setTextFormat(Qt.TextFormat.PlainText)
        self.round2Label.setWordWrap(True)
        self.round2Label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.appraisalLayout.addWidget(self.round2Label)

        self.appraisalLayout.setStretch(6, 1)

        self.sidesLayout.addWidget(self.appraisalBox)

        self.sidesLayout.setStretch(0, 1)
        self.sidesLayout.setStretch(1, 1)
        self.splitter.addWidget(self.sidesPane)
        self.evidenceBox = QGroupBox(self.splitter)
        self.evidenceBox.setObjectName(u"evidenceBox")
        self.evidenceLayout = QVBoxLayout(self.evidenceBox)
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceSplitter = QSplitter(self.evidenceBox)
        self.evidenceSplitter.setObjectName(u"evidenceSplitter")
        self.evidenceSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.evidenceSplitter.setChildrenCollapsible(False)
        self.evidenceList = QListWidget(self.evidenceSplitter)
        self.evidenceList.setObjectName(u"evidenceList")
        self.evidenceList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidenceSplitter.addWidget(self.evidenceList)
        self.preview = QStackedWidget(self.evidenceSplitter)
        self.preview.setObjectName(u"preview")
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.previewText = QLabel()
        self.previewText.setObjectName(u"previewText")
        self.previewText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previewText.setWordWrap(True)
        self.preview.addWidget(self.previewText)
        self.previewImage = QLabel()
        self.previewImage.setObjectName(u"previewImage")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.previewImage.sizePolicy().hasHeightForWidth())
        self.previewImage.setSizePolicy(sizePolicy1)
        self.previewImage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.addWidget(self.previewImage)
        self.evidenceSplitter.addWidget(self.preview)

        self.evidenceLayout.addWidget(self.evidenceSplitter)

        self.evidenceButtons = QHBoxLayout()
        self.evidenceButtons.setObjectName(u"evidenceButtons")
        self.addButton = QPushButton(self.evidenceBox)
        self.addButton.setObjectName(u"addButton")

        self.evidenceButtons.addWidget(self.addButton)

        self.openButton = QPushButton(self.evidenceBox)
        self.openButton.setObjectName(u"openButton")

        self.evidenceButtons.addWidget(self.openButton)

        self.saveButton = QPushButton(self.evidenceBox)
        self.saveButton.setObjectName(u"saveButton")

        self.evidenceButtons.addWidget(self.saveButton)

        self.removeButton = QPushButton(self.evidenceBox)
        self.removeButton.setObjectName(u"removeButton")

        self.evidenceButtons.addWidget(self.removeButton)

        self.evidenceButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceButtons.addItem(self.evidenceButtonsSpacer)

        self.evidenceButtons.setStretch(4, 1)

        self.evidenceLayout.addLayout(self.evidenceButtons)

        self.evidenceMessageLabel = QLabel(self.evidenceBox)
        self.evidenceMessageLabel.setObjectName(u"evidenceMessageLabel")
        self.evidenceMessageLabel.setVisible(False)
        self.evidenceMessageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.evidenceMessageLabel.setWordWrap(True)
        self.evidenceMessageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.evidenceLayout.addWidget(self.evidenceMessageLabel)

        self.evidenceLayout.setStretch(0, 1)
        self.splitter.addWidget(self.evidenceBox)

        self.editorLayout.addWidget(self.splitter)

        self.editorLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.selfScoreLabel.setBuddy(self.selfScoreEdit)
        self.selfFigureLabel.setBuddy(self.selfFigureEdit)
        self.expectedLabel.setBuddy(self.expectedEdit)
        self.explanationLabel.setBuddy(self.explanationEdit)
        self.appraisalScoreLabel.setBuddy(self.appraisalScoreEdit)
        self.appraisalFigureLabel.setBuddy(self.appraisalFigureEdit)
        self.appraisalNoteLabel.setBuddy(self.appraisalNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.selfScoreEdit, self.selfFigureEdit)
        QWidget.setTabOrder(self.selfFigureEdit, self.expectedEdit)
        QWidget.setTabOrder(self.expectedEdit, self.explanationEdit)
        QWidget.setTabOrder(self.explanationEdit, self.appraisalScoreEdit)
        QWidget.setTabOrder(self.appraisalScoreEdit, self.appraisalFigureEdit)
        QWidget.setTabOrder(self.appraisalFigureEdit, self.appraisalNoteEdit)
        QWidget.setTabOrder(self.appraisalNoteEdit, self.evidenceList)
        QWidget.setTabOrder(self.evidenceList, self.addButton)
        QWidget.setTabOrder(self.addButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.removeButton)

        self.retranslateUi(ScoreEditor)

        QMetaObject.connectSlotsByName(ScoreEditor)
    # setupUi

    def retranslateUi(self, ScoreEditor):
        self.titleLabel.setText(QCoreApplication.translate("ScoreEditor", u"Ch\u01b0a ch\u1ecdn ti\u00eau ch\u00ed", None))
        self.selfBox.setTitle(QCoreApplication.translate("ScoreEditor", u"\u0110\u01a1n v\u1ecb t\u1ef1 \u0111\u00e1nh gi\u00e1", None))
        self.selfScoreLabel.setText(QCoreApplication.translate("ScoreEditor", u"\u0110i\u1ec3m t\u1ef1 \u0111\u00e1nh gi\u00e1", None))
        self.selfFigureLabel.setText(QCoreApplication.translate("ScoreEditor", u"S\u1ed1 li\u1ec7u:", None))
        self.expectedLabel.setText(QCoreApplication.translate("ScoreEditor", u"D\u1ef1 ki\u1ebfn:", None))
        self.explanationLabel.setText(QCoreApplication.translate("ScoreEditor", u"Gi\u1ea3i tr\u00ecnh", None))
        self.appraisalBox.setTitle(QCoreApplication.translate("ScoreEditor", u"H\u1ed9i \u0111\u1ed3ng th\u1ea9m \u0111\u1ecbnh", None))
        self.appraisalScoreLabel.setText(QCoreApplication.translate("ScoreEditor", u"\u0110i\u1ec3m th\u1ea9m \u0111\u1ecbnh", None))
        self.appraisalFigureLabel.setText(QCoreApplication.translate("ScoreEditor", u"S\u1ed1 li\u1ec7u:", None))
        self.appraisalNoteLabel.setText(QCoreApplication.translate("ScoreEditor", u"L\u00fd do tr\u1eeb \u0111i\u1ec3m", None))
        self.evidenceBox.setTitle(QCoreApplication.translate("ScoreEditor", u"T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
#if QT_CONFIG(accessibility)
        self.evidenceList.setAccessibleName(QCoreApplication.translate("ScoreEditor", u"T\u00e0i li\u1ec7u ki\u1ec3m ch\u1ee9ng", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("ScoreEditor", u"Xem tr\u01b0\u1edbc t\u00e0i li\u1ec7u", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ScoreEditor", u"Th\u00eam t\u1ec7p (c\u00f3 th\u1ec3 k\u00e9o th\u1ea3 t\u1ec7p v\u00e0o \u0111\u00e2y)", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("ScoreEditor", u"Th\u00eam\u2026", None))
        self.openButton.setText(QCoreApplication.translate("ScoreEditor", u"M\u1edf", None))
        self.saveButton.setText(QCoreApplication.translate("ScoreEditor", u"L\u01b0u ra\u2026", None))
        self.removeButton.setText(QCoreApplication.translate("ScoreEditor", u"X\u00f3a", None))
        pass
    # retranslateUi

