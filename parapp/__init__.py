"""parapp — appraisal of provincial PAR Index (Chỉ số cải cách hành chính) self-assessments."""

__version__ = "0.1.0"
APP_NAME = "parapp"
