// Placeholder main job until the examples land.
print("GenreKit demo placeholder")
