"""Scorers and dataset adapters behind ``incidex eval`` (MUC-4, GTD, geoparsing)."""
