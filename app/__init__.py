"""Bilateral relations API."""
