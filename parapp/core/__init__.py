"""The Qt-free core: domain rules, the assessment file, interchange and reports.

Nothing under parapp.core may import Qt; tests/test_architecture.py enforces it.
"""
