"""The ground floor: code every stage may import, which imports nothing of ours."""
