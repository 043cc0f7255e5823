"""Files and stores: EDF/BDF recordings (edfio) and the SQLite stores (usage, leaderboard)."""
