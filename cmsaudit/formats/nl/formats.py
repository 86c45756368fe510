# Dutch short dates with two-digit day and month (14-03-2013), as the interface has always shown
# them; Django's own nl format drops the leading zeros. English keeps Django's format.
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
