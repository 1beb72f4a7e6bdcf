import sys

from analysis.report_cli import main_report

sys.exit(main_report())
