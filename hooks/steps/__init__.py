"""The build's steps: thin functions that turn a MkDocs event into calls to the package ``kb``.

Each module holds the steps of one concern (the content check, a kind of marker, the fact box
and the other blocks of a page's view, the menu, …) and its helpers; ``hooks/adapter.py`` lists
every step, per MkDocs event, in the order they run. No module here is a MkDocs hook itself: none
defines an ``on_*`` function or an ``event_priority`` (``tests/test_adapter.py``). Shared by the
steps: ``page_data`` (the build's one Portal, its templates and strings, the boxes kept out of
Markdown), ``site_language`` (which language is being built) and ``news_view``.

``steps.output`` holds the steps that tune or write the output files after the pages are
rendered (search index, feeds, sitemaps, purged and minified assets); a generator without hooks
would run them as one ``finish`` step over the output folder (CONTRIBUTING.md, the move plan).
"""
