"""bol.com Retailer API resources, one module per group of endpoints, on ``BolTransport``."""
