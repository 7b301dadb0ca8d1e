"""Old path of the home notebook's form, kept for home notebooks already in people's folders.

Home notebooks written before the package was laid out in layers say
`from nextround.home import Home`; they keep working. New code imports
`nextround.notebook.home`.
"""

from nextround.notebook.home import Home, init

__all__ = ["Home", "init"]
