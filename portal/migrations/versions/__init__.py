"""Revisions, oldest first by their ``down_revision`` chain (file names are only for people)."""
