"""Project tools that make runs; not part of the site."""
