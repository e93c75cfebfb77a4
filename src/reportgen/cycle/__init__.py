"""The democratic cycle around the pack: deadlines, forward plan, decisions."""
