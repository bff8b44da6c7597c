// Progressive enhancement only: every form works without script.
document.addEventListener('DOMContentLoaded', () => {
    // Fields that belong to one carrier choice are shown only for it.
    const carrierInputs = document.querySelectorAll('input[name="Input.Carrier"]');
    const toggleCarrier = () => {
        const chosen = document.querySelector('input[name="Input.Carrier"]:checked');
        document.querySelectorAll('[data-carrier-note]').forEach(el => {
            el.hidden = !chosen || el.dataset.carrierNote !== chosen.value;
        });
    };
    carrierInputs.forEach(i => i.addEventListener('change', toggleCarrier));
    toggleCarrier();

    // 编辑 next to a masked secret reveals an empty field to type the replacement.
    document.querySelectorAll('[data-replace-secret]').forEach(button => {
        button.addEventListener('click', () => {
            const target = document.getElementById(button.dataset.replaceSecret);
            if (target) { target.hidden = false; target.querySelector('input')?.focus(); }
            button.hidden = true;
        });
    });

    // Logo preview before upload.
    const logo = document.querySelector('input[type=file][data-preview]');
    if (logo) {
        logo.addEventListener('change', () => {
            const img = document.getElementById(logo.dataset.preview);
            const file = logo.files && logo.files[0];
            if (img && file) { img.src = URL.createObjectURL(file); img.hidden = false; }
        });
    }
});

// 获取验证码: after a code was sent the button waits out the 60 seconds the server enforces anyway.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button[data-countdown]').forEach(button => {
        let left = parseInt(button.dataset.countdown || '0', 10);
        if (!left) return;
        const label = button.textContent;
        const unit = document.documentElement.lang.startsWith('en') ? 's' : '秒';
        button.disabled = true;
        const tick = () => {
            if (left <= 0) { button.disabled = false; button.textContent = label; return; }
            button.textContent = `${left}${unit}`;
            left -= 1;
            setTimeout(tick, 1000);
        };
        tick();
    });
});
