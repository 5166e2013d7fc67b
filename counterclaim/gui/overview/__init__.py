"""The overview: claims left unanswered and each side's share of the talk."""
