from ordermgr.cli import main

raise SystemExit(main())
