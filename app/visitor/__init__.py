"""The kiosk visit: its pages, its flow, the controller that follows it, and the kiosk guard.

A visitor's way through the kiosk is attract → consent → menu → demo → thank-you → attract:

- :mod:`app.visitor.flow` says which screen comes next and when the visitor has gone (Qt-free).
- :mod:`app.visitor.visit` follows the flow on the main window's page stack, and keeps the visit's
  books (idle clock, usage sessions, the results for the thank-you).
- :mod:`app.visitor.attract`, :mod:`app.visitor.intro` and :mod:`app.visitor.thanks` are the
  pages around the demos. They only show and report: each emits a signal when the visitor touches
  it, none decides where to go next. Touch screens send touches that Qt turns into mouse presses
  for widgets that do not take touch events themselves, so a mouse press is what each page
  listens to; a key press counts too.
- :mod:`app.visitor.kiosk` keeps visitors in the kiosk and lets staff in by a hidden gesture.
"""
