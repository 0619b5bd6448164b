"""The .faaliyet file itself: schema, safe open, the rules for stored rows, every edit one transaction with its audit rows, photos, submission."""
