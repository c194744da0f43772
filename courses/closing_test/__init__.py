"""The closing test (afsluitende toets): knowledge questions at the end of a course.

Unlike the conversation practice, answers here are right or wrong. ``rules`` holds the
pure rules (drawing, checking a form, grading); ``reading`` reads a test from a lesson;
``attempts`` starts and hands in attempts; a passed attempt marks its lesson done through
``courses.completion``, the one place that writes "lesson done".
"""
