"""Every threshold, tolerance and default assumption of the analysis, in one place.

Change a value here (or pass another to the function that uses it) — never inline a number elsewhere.
"""

# --- reading targets -----------------------------------------------------------------------------------------
#: 左右 / 约 ("about X") for levels: achieved within this share of X
APPROX_TOLERANCE_RELATIVE = 0.05
#: 左右 for rates and shares (unit ratio): achieved within this many percentage points (as a fraction)
APPROX_TOLERANCE_POINTS = 0.005
#: for "higher is better" indicators, exceeding "about X" is achieving it (the plans set floors); set True to
#: require the outcome to lie within the tolerance on both sides
APPROX_TWO_SIDED = False
#: an approximate actual (左右 / 约 / 接近) is taken to lie within this share of its value
ACTUAL_APPROX_TOLERANCE = 0.05

# --- real-time selection -----------------------------------------------------------------------------------
#: months after a period's end at which a figure with no publication date is assumed known
PUBLICATION_LAG_MONTHS = 2

# --- progress methods (../shared/reference/methods.md) -------------------------------------------------------
EUROSTAT_ON_TRACK = 0.95          # R >= 0.95: on track
EUROSTAT_ACCELERATION = 0.60      # 0.60 <= R < 0.95: progress, acceleration needed; 0 <= R < 0.60 limited
UNSD_ON_TRACK = 0.95              # P >= 0.95: met or on track
UNSD_FAIR = 0.10                  # 0.10 <= P < 0.95: fair progress; below: stagnation or regression
DESTATIS_SUN = 0.05               # projected miss < 5 % of the remaining gap: sun
DESTATIS_SLIGHTLY_CLOUDY = 0.20   # 5-20 %: slightly cloudy; > 20 % but right direction: cloud; wrong: thunderstorm
DESTATIS_MIN_POINTS = 4           # at least four points
DESTATIS_WINDOW_YEARS = 5         # average change over the last five years
ESCAP_MIN_POINTS = 2              # time-weighted regression needs two points at least
ESCAP_MAINTAIN = 1.0              # anticipated share of the required progress >= 1: maintain
ESCAP_ACCELERATE = 0.0            # 0 <= share < 1: accelerate; below 0: reverse the trend

# --- projections ------------------------------------------------------------------------------------------
N_PATHS = 10_000
SEED = 20231231
#: growth uncertainty when the data give no estimate (sd of annual growth, as a fraction)
DEFAULT_GROWTH_SD = 0.05
#: fewest annual growth observations from which a growth sd is estimated
MIN_GROWTH_OBS_FOR_SD = 3
#: fewest annual points for the log-linear trend (OLS needs one degree of freedom for the error)
LOGLINEAR_MIN_POINTS = 3
#: fewest annual points for an ETS model
ETS_MIN_POINTS = 8
#: central interval reported for projections
INTERVAL = 0.80
