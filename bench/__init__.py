"""`make bench`: build cost, growth, live reload and page weight of the guide, measured."""
