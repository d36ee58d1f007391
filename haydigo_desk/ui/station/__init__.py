"""The pick & pack station: feedback classes, messages, the presenter and the view's parts.

``pick_station.PickStationSection`` is the view (widgets only); ``presenter.StationPresenter``
holds the mode state machine and decides what the picker sees and hears, without widgets.
"""
