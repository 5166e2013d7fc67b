"""What the program does, with no Qt: import and analyse articles, plan a reviewer's edits
(review, link by hand, speakers and sides, article details). The window and the command
line both call these; the window puts the planned edits on its undo stack."""
