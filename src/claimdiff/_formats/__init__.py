"""Files and formats: claims files in YAML, JSON and CSV, their schema and limits, and report exports.

Every reader turns a document into claims through one builder, so each format reports errors alike.
"""
