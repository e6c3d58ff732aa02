import sys

from hayaoshi.cli import main

sys.exit(main())
