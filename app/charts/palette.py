"""The app's colours: one meaning each, the same on every page.

The direction colours (behind, level, ahead) are reserved for differences and
changes; every other palette keeps clear of them, so a sector or a channel never
reads as a shortfall.
"""

#: Colour of each direction of a difference (you − comparator) or of a change since the
#: previous wave (behind = a shortfall or a significant fall, level = not significant,
#: ahead = a lead or a significant rise), the same on every page and reserved for this.
DIRECTION_COLOURS = {"behind": "#d95f02", "level": "#999999", "ahead": "#1b9e77"}
#: Colour of each role a series plays, the same on every chart: the organisation
#: dark, its leader light in the same hue, the averages in a second hue.
ROLE_COLOURS = {
    "organisation": "#1f4e79",
    "leader": "#6baed6",
    # purples: red and pink read as "behind" next to the direction colours
    "sector": "#7b4173",
    "country": "#c994c7",
}

#: Pillars' hues on the trend, clear of the direction colours (no orange, teal or grey).
PILLAR_PALETTE = ("#1f4e79", "#6baed6", "#7b4173", "#e7ba52", "#9d755d", "#393b79")

#: Sectors in muted hues clear of the direction colours (no red, orange, teal or grey).
SECTOR_PALETTE = (
    "#4c78a8", "#b279a2", "#9d755d", "#e7ba52", "#393b79",
    "#8c6d31", "#9ecae9", "#637939", "#7b4173", "#bcbddc",
    "#5254a3", "#c49c94", "#f7b6d2", "#dbdb8d", "#8ca252",
)  # fmt: skip
#: Row backgrounds of the ranking: the viewer's organisation, and alternating shades
#: for groups of organisations whose rank ranges overlap.
RANKING_BANDS = {"own": "#deebf7", "tie": "#ececec", "tie_alt": "#f7f7f7"}


#: Colour of the importance dots and intervals.
IMPORTANCE_COLOUR = "#1f4e79"
#: Organisation, sector leader, sector average: the organisation stands out.
MATURITY_SERIES_COLOURS = ["#1f4e99", "#f28e2b", "#9d9d9d"]
#: Colours of the contact channels (in the order the view lists them). None of them is
#: a direction colour (behind / level / ahead are reserved for :data:`DIRECTION_COLOURS`).
CHANNEL_PALETTE = ("#4c78a8", "#9467bd", "#e7ba52", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
