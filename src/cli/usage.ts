export const USAGE = `Usage: twinbot <command> [options]

  start   [--data PATH] [--lang de]           run the bot (the local shell when no platform token is set)
  ask     [--data PATH] [--today YYYY-MM-DD] [--lang de] [--yes] [--out FILE] "<command text>"   (--yes confirms a termination or removal; --out: where a map, timeline or chart PNG goes)
  init    [--data PATH] [--no-world | --empty]  create a store file from the shipped seed with the world layer (or without it, or empty)
  check   [--data PATH]                       validate a store file
  export  [--data PATH]                       print the store as JSON (without the reminders ledger: use backup)
  backup  [--data PATH] [FILE | -]            the store and its reminders ledger in one file (default twinbot-backup-<time>.json)
  restore [--data PATH] FILE                  replace the store and its ledger with a backup, checked whole first
  import  [--data PATH] [--skip-invalid] FILE.csv
  staff   add|remove|list [--data PATH] [slack:U123 | discord:user:123 | discord:role:456]
  schema                                      print the store's JSON Schema (data/schema.json)
  register-commands [--guild ID]              register the Discord slash commands in one server, or globally
  calendar [--data PATH] [--today YYYY-MM-DD]  print an iCalendar of day-precision anniversaries (> anniversaries.ics)
  reminders simulate --from YYYY-MM-DD --to YYYY-MM-DD [--data PATH] [--restart-at INSTANT]... [--down FROM..TO]
                                              run the reminder tick on a virtual clock; print every post
`;
