"""Shipped model files and the plain-Python code that reads them."""
