"""The article as read: its text with statements marked, and the find bar."""
