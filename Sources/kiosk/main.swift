print("kiosk: not wired yet")
