"""Tests in headless Chromium against the built site."""
