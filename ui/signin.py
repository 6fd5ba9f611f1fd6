"""The sign-in page: the only page a browser reaches before it signs in (see ``ui.auth``)."""

from ui import auth

if __name__ == "__main__":
    auth.sign_in_page()
