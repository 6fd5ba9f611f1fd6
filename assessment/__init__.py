"""ikm-readiness: prepare an organisation for the pre-audit of its complaint management.

The package is pure Python (no Streamlit): the app, the command line and the report call it.
"""

__version__ = "0.1.0"
