"""The Streamlit app's pages and helpers. Pure presentation: every rule lives in ``assessment``."""
