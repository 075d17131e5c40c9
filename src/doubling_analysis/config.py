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
EUROSTAT_ON_TRACK = 0.95  # R >= 0.95: on track
EUROSTAT_ACCELERATION = 0.60  # 0.60 <= R < 0.95: progress, acceleration needed; 0 <= R < 0.60 limited
UNSD_ON_TRACK = 0.95  # P >= 0.95: met or on track
UNSD_FAIR = 0.10  # 0.10 <= P < 0.95: fair progress; below: stagnation or regression
DESTATIS_SUN = 0.05  # projected miss < 5 % of the remaining gap: sun
DESTATIS_SLIGHTLY_CLOUDY = 0.20  # 5-20 %: slightly cloudy; > 20 % but right direction: cloud; wrong: thunderstorm
DESTATIS_MIN_POINTS = 4  # at least four points
DESTATIS_WINDOW_YEARS = 5  # average change over the last five years
ESCAP_MIN_POINTS = 2  # time-weighted regression needs two points at least
ESCAP_MAINTAIN = 1.0  # anticipated share of the required progress >= 1: maintain
ESCAP_ACCELERATE = 0.0  # 0 <= share < 1: accelerate; below 0: reverse the trend

# --- projections ------------------------------------------------------------------------------------------
N_PATHS = 10_000
#: most simulated paths a command accepts (memory grows with paths x years)
MAX_PATHS = 200_000
#: paths per forecast in the backtest (many forecasts: fewer paths each), and in the report's own backtest run
BACKTEST_PATHS = 2000
REPORT_BACKTEST_PATHS = 500
#: paths behind a chart's fan (a drawn interval needs fewer than a stated probability)
CHART_PATHS = 2000
#: paths per change in the interactive explorer (answers within a fraction of a second)
EXPLORER_PATHS = 4000
#: a notebook cell running longer than this fails its notebook (a hung kernel must not block a scheduled run)
CELL_TIMEOUT_SECONDS = 600
#: a kernel that fails to start is tried again, up to this many times in all (each reason is logged)
KERNEL_START_ATTEMPTS = 3
#: threads each kernel's numeric libraries (OpenBLAS, OpenMP, MKL) may use; the kernels of a build already run
#: side by side, one per core
KERNEL_THREADS = 1
#: seconds a kernel may take to answer after it was launched
KERNEL_START_TIMEOUT_SECONDS = 60
#: seconds to wait for a Dask scheduler named by --scheduler before saying it does not answer
SCHEDULER_TIMEOUT_SECONDS = 10
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

# --- evidence rules (data/README.md, "Evidence rules") ---------------------------------------------------------
#: 接近 / 近 X ("close to X"): the figure lies in [X (1 - margin), X): an upper bound with this lower margin
NEAR_LOWER_MARGIN = 0.10
#: 突破 / 超过 X ("passed X"): decides as (X, +inf); for probabilities its plausible range is (X, X (1 + margin)),
#: because officials announce the round milestone just passed. This is the stated PRIOR; the margin used is measured
#: from the data's own bound -> exact pairs known at the as-of date (margins.py: (n + 1) / n x the largest overshoot
#: in logs) once there are BOUND_MARGIN_MIN_PAIRS of them. Shipped data, all reports: n = 3 pairs of 突破 X with the
#: exact figure (ar148/ar149 +9.9 %, ar2-003-2023/ar162 +8.0 %, ar2-003-2024/ar163 +16.0 %) -> margin +21.9 %
LOWER_BOUND_PLAUSIBLE_MARGIN = 0.10
BOUND_MARGIN_MIN_PAIRS = 2
#: a stock (count of firms, parks, clusters) reported inside the target year or up to this many months after it
#: stands for the year-end stock, as a judgement ("likely_...")
STOCK_WINDOW_MONTHS_AFTER = 6
#: ... allowing the stock to have moved by this share a year between the report and the year end
STOCK_DRIFT_PER_YEAR = 0.10
#: years whose growth was a shock (COVID-19 in 2020): the next year's growth is forecast by the two-year average
#: rule (1 + g_before)^2 / (1 + g_shock) - 1 and the rest of a year-to-date is forecast by the pre-shock growth
BASE_EFFECT_YEARS = (2020,)

# --- calibrated uncertainty (volatility.py) --------------------------------------------------------------------
#: stated priors of the annual volatility of each kind of series (sd of log growth for levels and counts, sd of
#: the one-year forecast error in points for growth rates) and their weight in pseudo-observations; the data's
#: own pooled estimate (as of the assessment date) is combined with them
VOLATILITY_PRIOR_SD = {
    "nominal_level": 0.08,
    "count": 0.08,
    "real_growth": 0.02,
    "nominal_growth": 0.06,
    "investment_growth": 0.10,
}
VOLATILITY_PRIOR_WEIGHT = 4.0
#: prior of the drift (mean annual log growth) of level and count series: the class's drift is the median of
#: its series' drifts pooled with this stated mean (weight in series); its sd is their robust spread, at least
#: DRIFT_PRIOR_SD_MIN
DRIFT_PRIOR_MEAN = {"nominal_level": 0.08, "count": 0.05}
DRIFT_PRIOR_WEIGHT = 2.0
DRIFT_PRIOR_SD_MIN = 0.05
#: a pool with fewer series than this says nothing about how drifts spread across series: its drift prior is then
#: the stated mean (DRIFT_PRIOR_MEAN) with this sd, and the series' own increments do the rest (a single young
#: sector doubling in a year must not become every revenue series' prior)
DRIFT_POOL_MIN_SERIES = 3
DRIFT_PRIOR_SD_FEW_SERIES = 0.10
#: a year-to-date growth rate nowcasts the full year; prior sd of the nowcast error (points, for a reading with
#: the whole year still to come) and its weight
YTD_PRIOR_SD = 0.03
YTD_PRIOR_WEIGHT = 2.0
#: ... per class: a nominal rate (revenue, profit) moves far more within a year than a real one, so its prior is the
#: class's own one-year prior (VOLATILITY_PRIOR_SD); the data's year-to-date/final pairs of the pool update it
YTD_PRIOR_SD_BY_CLASS = {"real_growth": YTD_PRIOR_SD, "nominal_growth": 0.06, "investment_growth": 0.10}
#: bounded figures (突破 / 接近 / 约) enter a series' growth estimate as draws within their plausible range: this many
#: imputations of the series (seeded by the figures' ids), combined as a mixture (Rubin's rules)
BOUND_IMPUTATIONS = 64
#: after its target year ends, an undecided target keeps a nowcast p (said so in its notes) for this many months,
#: the time annual figures take to appear (bulletins by April, sector figures within the following year)
P_NOWCAST_MONTHS_AFTER_YEAR = 12
#: an official projection published before its period ended (status ``projected``: 预计全年…) is a noisy observation
#: of the outcome: the model's draws are weighted by its likelihood (Student t). Its error (log ratio for levels,
#: points for growth rates) is learned from the projection/figure pairs known at the as-of date, pooled with this
#: stated prior (weight in pairs). Shipped data: no projection recorded yet, so the prior holds
PROJECTION_PRIOR_SD = {"value": 0.05, "growth": 0.02}
PROJECTION_PRIOR_WEIGHT = 2.0
#: fewer effective draws than this after weighting by a projection: the row says the projection dominates
PROJECTION_MIN_EFFECTIVE_DRAWS = 200
#: the relations of data/concordance.csv whose indicators share one volatility pool (the same measure, or one
#: measure including the other); every other series, however similar its kind, cannot move a target's p
POOL_RELATIONS = ("same_measure", "includes", "included_in")
#: growth-rate series whose volatility class is real growth (comparable prices); other growth rates are nominal,
#: investment growth rates are their own class
REAL_GROWTH_SERIES = ("va_growth", "gdp", "secondary_va")
INVESTMENT_GROWTH_SERIES = ("industrial_fai_growth", "tech_renovation_growth")

# --- the doubling tracker (tracker.py) -------------------------------------------------------------------------
#: the measure of the doubling plans (规模以上工业营业收入) and their base year
DOUBLING_MEASURE = "revenue"
DOUBLING_BASE_YEAR = 2020
#: target year of the 200 line for a jurisdiction without a doubling target of its own (the plans' horizon)
DOUBLING_HORIZON = 2023

# --- the quarterly report (findings.py) ------------------------------------------------------------------------
#: a probability that moved by at least this much since the previous quarter is reported
P_CHANGE_REPORTED = 0.05

# --- plausibility of figures (plausibility.py) -----------------------------------------------------------------
#: no money level in the data can exceed this many 亿元 (10^7 亿元 = 10^15 yuan, above the world's output)
MAX_PLAUSIBLE_YI = 1e7
#: a figure this many times above or below the median of the rest of its series is flagged (a unit slip?)
SERIES_OUTLIER_FACTOR = 100.0

# --- ambition ---------------------------------------------------------------------------------------------
#: implied growth this far (in percentage points, as a fraction) above the recorded growth marks a stretch goal
#: (and this far below, a modest one)
STRETCH_MARGIN = 0.02

# --- report layout ----------------------------------------------------------------------------------------
#: a report table's line holds about this many half-width characters (A4 at 7.2 pt); widths are in these units
TABLE_LINE = 105
#: a word (a run without a break: an id, a code, a number, a URL) longer than this may be wrapped
TABLE_MAX_WORD = 20
#: cell padding, in characters
TABLE_CELL_PADDING = 3
#: a longer column is as wide as this quantile of its cells' text, within the bounds
TABLE_CELL_QUANTILE = 0.9
TABLE_MIN_COLUMN = 4
TABLE_MAX_COLUMN = 80
#: the overview report gives a page to each jurisdiction with evidence while there are at most this many; a larger
#: panel gets one summary row per jurisdiction instead (each page is in its own PDF: report --per-jurisdiction)
REPORT_PAGES_MAX = 30
#: rows of a table in the overview report; a longer table shows these and names the CSV file with every row
REPORT_TABLE_ROWS = 400
#: the same for a summarised panel (more than REPORT_PAGES_MAX jurisdictions with evidence), whose every table
#: would otherwise grow with the panel: the overview stays an overview, the CSV files and per-jurisdiction PDFs
#: hold every row
REPORT_PANEL_TABLE_ROWS = 100
#: sentences under one heading of the key findings (every sentence is in tables/key_findings.csv)
REPORT_FINDINGS_MAX = 20
#: panels of the doubling tracker chart (beyond: the fastest and the slowest half each; every row in its table)
REPORT_CHART_PANELS = 12
#: rows of a chart with one row per target (ambition, progress categories, required against observed growth)
REPORT_CHART_ROWS = 40

# --- extraction (extract.py: candidate targets and actuals from a text) ----------------------------------------
#: confidence of a candidate with nothing to review; each review code takes off its penalty
EXTRACT_BASE_CONFIDENCE = 0.95
EXTRACT_DEFAULT_PENALTY = 0.1
EXTRACT_REVIEW_PENALTY = {
    "unknown_indicator": 0.45,
    "unit_mismatch": 0.4,
    "value_not_in_quote": 0.4,
    "jurisdiction": 0.4,
    "past": 0.3,
    "relative_year": 0.15,
    "tier_scope": 0.05,
    "table_cell": 0.05,
    "sector_list": 0.05,
    "indicator_list": 0.05,
    "currency_before": 0.4,
    "sector_from_heading": 0.1,
    "default_year": 0.1,
    "no_unit": 0.15,
    "near": 0.1,
    "growth_only": 0.05,
}
#: candidates at or above this confidence are "high confidence" (the notebook keeps them for the demonstration)
EXTRACT_KEEP_CONFIDENCE = 0.7
#: a line this short (a heading) ends a sentence even without punctuation
EXTRACT_HEADING_MAX_CHARS = 12
#: a line up to this long with a review's words and no figure heads a review (一、“十三五”时期及2020年工作回顾)
EXTRACT_REVIEW_HEADING_MAX_CHARS = 30
#: how far into a paragraph a people's congress session line is looked for (——2017年2月27日在…第一次会议上)
EXTRACT_SESSION_LINE_CHARS = 60
#: how many months after its period a release of a year to date is published (上半年 in July to September)
EXTRACT_RELEASE_LAG_MONTHS = 3
#: how many clauses before an output measure the projects it belongs to may be named (13个项目竣工投产，其中重点
#: 工业项目8个，总投资11.7亿元，年可实现工业产值16.96亿元)
EXTRACT_PROJECT_CLAUSES_BACK = 3
#: a report's text before a page's date line this close to its start (and with no full stop) is its headline: its
#: figures that the body repeats are left out
EXTRACT_HEADLINE_MAX_CHARS = 200
#: the title and preamble: the first characters of a document, where its years and document number are read
EXTRACT_TITLE_CHARS = 600
#: a phrase after the number counts as this many characters further away than one before it
EXTRACT_AFTER_PENALTY = 4
#: a table row needs at least this many value cells
EXTRACT_TABLE_MIN_CELLS = 2

# --- backtest (issue 19) ---
#: the backtest scores per unit (a target; a series), and resamples units with replacement this many times for
#: its intervals (a cluster bootstrap, seeded from SEED)
BACKTEST_BOOTSTRAP = 2000
#: central percentile interval of the cluster bootstrap (0.90: the 5th and 95th percentiles)
BACKTEST_CI = 0.90
#: 80 % interval coverage (mean over units) outside this range is a failed verdict, whatever its interval
BACKTEST_COVERAGE_RANGE = (0.70, 0.90)
#: fewest units (targets, series) for a verdict on a kind of forecast; fewer: "too few to judge", said
BACKTEST_MIN_UNITS = 5

# --- report (issue 19) -----------------------------------------------------------------------------------------
#: an open target whose probability of attainment is below this is "off track": the report decomposes it by its
#: children (sectors, units) as it does a missed one
REPORT_OFF_TRACK_P = 0.5

# --- data safety (issue 20) ---------------------------------------------------------------------------------------
#: ids and codes (source_id, target_id, actual_id, jurisdiction/indicator/sector codes) are at most this long
MAX_CODE_LENGTH = 64
#: a non-zero value or value_high of a target or an actual must lie within these magnitudes (in its own unit):
#: 1e-300 or 1e12 is a typing error, not a plan figure (the shipped data spans 1 to 48295.5)
VALUE_MIN_ABS = 1e-9
VALUE_MAX_ABS = 1e9
#: a text cell starting with one of these is read by a spreadsheet as a formula: written with a leading "'"
SPREADSHEET_FORMULA_CHARS = ("=", "+", "-", "@", "\t", "\r")
#: accept's lock, journal and staged files in the data folder, and its temporary copies in the temp folder
ACCEPT_LOCK_FILE = ".accept.lock"
ACCEPT_JOURNAL_FILE = ".accept-journal.json"
ACCEPT_STAGED_PREFIX = ".accept-staged-"
ACCEPT_TEMP_PREFIX = "doubling-accept-"
# --- decisions (issue 19) ---
#: a target whose year has passed without a final figure is decided likely_missed when the annual growth still
#: needed from its latest figure exceeds this factor times the highest annual growth observed in the record
#: (exact annual figures known at the as-of date, consecutive years, any series of the target's volatility class).
#: 1.0: "beyond any growth in the record" (the record's highest, nominal_level, is 186 %/yr: 42 -> 120 亿, ar176)
MAX_GROWTH_FACTOR = 1.0
# --- build safety (issue 20) --------------------------------------------------------------------------------------
#: copies of the data folder a build makes before it gives up when the folder keeps changing under it (a copy is
#: kept only when the folder's fingerprint is the same before and after it)
SNAPSHOT_ATTEMPTS = 3
#: ``<quarter>.failed-<timestamp>`` folders kept for inspection, per report folder; older ones are removed
FAILED_BUILDS_KEPT = 3
#: times a per-jurisdiction PDF is sent again after its worker was lost (a process that died, a Dask worker gone)
JURISDICTION_RETRIES = 2
#: seconds a per-jurisdiction build waits for a cluster with no worker (none at the start, or all lost) before it
#: fails with a message (and frees the lock)
NO_WORKER_TIMEOUT_SECONDS = 60
#: seconds one per-jurisdiction PDF may take on a worker before it counts as lost
JURISDICTION_TIMEOUT_SECONDS = 600
#: seconds the explorer's server has to stop (and stop its kernels) after ``explore`` is stopped, before it is killed
SERVER_STOP_SECONDS = 10
# --- extraction (issue 22) ---
#: a sentence longer than this is read in pieces of at most this many characters (cut at a clause end when there is
#: one), so that the work per sentence is bounded and extraction is linear in the input
EXTRACT_MAX_SENTENCE_CHARS = 2000
#: at most this many candidates from one clause; the rest are left out and the last kept row says clause_limit
EXTRACT_MAX_CANDIDATES_PER_CLAUSE = 12
#: a clause longer than this is quoted as the window of this many characters around its number
EXTRACT_MAX_QUOTE_CHARS = 200
#: a phrase proposed as a new indicator (NEW:<phrase>) has at most this many characters
EXTRACT_NEW_PHRASE_MAX_CHARS = 24
EXTRACT_REVIEW_PENALTY.update({"clause_limit": 0.2, "growth_of_level": 0.05, "span": 0.05})

# --- web pages for extract (issue 22) ----------------------------------------------------------------------------
#: a page is fetched within this many seconds and up to this many bytes (webtext.py)
WEB_FETCH_TIMEOUT_SECONDS = 20.0
WEB_FETCH_MAX_BYTES = 5_000_000
#: an element whose id, class or role contains one of these is boilerplate, not the page's text
WEB_BOILERPLATE_WORDS = ("nav", "menu", "breadcrumb", "sidebar", "footer", "header", "share", "copyright", "banner")
#: a page's publication date, when --issued is not given: the content of the first of these <meta> names
#: (name, property or itemprop, any case), else a date after one of the labels, else a date in the address
WEB_DATE_META = (
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "article:published_time",
    "datepublished",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
)
WEB_DATE_LABELS = (
    "发布时间",
    "发布日期",
    "發布時間",
    "發布日期",
    "发稿时间",
    "发文日期",
    "成文日期",
    "印发日期",
    "公开日期",
)
# --- extraction (issue 22, batch 2) ---
#: a group counted by name (四大产业均突破1000亿元) gives at most this many rows (one per industry of the group)
EXTRACT_MAX_GROUP_ROWS = 10
#: parts written A:B:C after 结构/比例 are shares in % when their sum is within this of 100 (rounding of the parts)
EXTRACT_PARTS_SUM_TOLERANCE = 0.5
