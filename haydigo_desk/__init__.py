"""HaydiGO Desk: the warehouse desk for webshops that sell on bol.com."""

__version__ = "0.1.0"
APP_NAME = "HaydiGO Desk"
APP_ID = "haydigo-desk"
