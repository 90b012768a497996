"""Draw parapp's icon: parapp/ui/icons/parapp.png (256 px) and parapp.ico (16–256 px).

    .venv/bin/python scripts/make_icon.py

A dark blue tile with three rising bars (a ranking) under the letters "PAR" in the bundled
Liberation Serif. The same output every run; commit both files.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "parapp" / "ui" / "icons"
FONT = ROOT / "parapp" / "fonts" / "LiberationSerif-Bold.ttf"


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=(22, 58, 110))
    for i, (height, colour) in enumerate(((58, (120, 170, 220)), (92, (170, 205, 240)),
                                          (126, (242, 190, 60)))):
        x = (58 + i * 50) * s
        d.rectangle((x, (214 - height) * s, x + 38 * s, 214 * s), fill=colour)
    font = ImageFont.truetype(str(FONT), int(76 * s))
    d.text((128 * s, 66 * s), "PAR", font=font, fill=(255, 255, 255), anchor="mm")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "parapp.png", optimize=True)
    icon.save(OUT / "parapp.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                         (128, 128), (256, 256)])
    print(f"{OUT / 'parapp.png'}, {OUT / 'parapp.ico'}")


if __name__ == "__main__":
    main()
